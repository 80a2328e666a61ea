# Builds the same fat jar as ./wirefeed, with the Maven wrapper, then runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -Dmaven.test.skip=true -pl app -am package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/app/target/wirefeed.jar /app/wirefeed.jar
USER 65534
ENTRYPOINT ["java", "-jar", "/app/wirefeed.jar"]
CMD ["--help"]
