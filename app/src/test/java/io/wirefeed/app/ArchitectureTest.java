package io.wirefeed.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.wirefeed.normalize.Normalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one-way rule: model <- {ingest, normalize, publish} <- app; no stage depends on another stage. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.wirefeed");
  }

  @Test
  void modelDependsOnNoStage() {
    noClasses().that().resideInAPackage("io.wirefeed.model..")
        .should().dependOnClassesThat().resideInAnyPackage("io.wirefeed.ingest..", "io.wirefeed.normalize..",
            "io.wirefeed.publish..", "io.wirefeed.broker..", "io.wirefeed.app..", "java.net.http..")
        .check(classes);
  }

  @Test
  void onlyTheModelsKafkaPackageTouchesKafkaAndOnlyItsSerdeApi() {
    noClasses().that().resideInAPackage("io.wirefeed.model")
        .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
        .check(classes);
    noClasses().that().resideInAPackage("io.wirefeed.model.kafka..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.clients..", "org.apache.kafka.server..")
        .check(classes);
  }

  @Test
  void ingestDependsOnNoOtherStage() {
    noClasses().that().resideInAPackage("io.wirefeed.ingest..")
        .should().dependOnClassesThat().resideInAnyPackage("io.wirefeed.normalize..", "io.wirefeed.publish..",
            "io.wirefeed.broker..", "io.wirefeed.app..", "org.apache.kafka..")
        .check(classes);
  }

  @Test
  void normalizeIsPureOfKafkaHttpAndOtherStages() {
    noClasses().that().resideInAPackage("io.wirefeed.normalize..")
        .should().dependOnClassesThat().resideInAnyPackage("io.wirefeed.ingest..", "io.wirefeed.publish..",
            "io.wirefeed.broker..", "io.wirefeed.app..", "org.apache.kafka..", "java.net.http..")
        .check(classes);
  }

  @Test
  void publishKnowsNothingOfFeedsOrExtraction() {
    noClasses().that().resideInAPackage("io.wirefeed.publish..")
        .should().dependOnClassesThat().resideInAnyPackage("io.wirefeed.ingest..", "io.wirefeed.normalize..",
            "io.wirefeed.app..", "com.rometools..", "org.jsoup..")
        .check(classes);
  }

  @Test
  void otherModulesUseTheNormalizerAloneNotItsInternalPackages() {
    // the normalize sub-packages have public types only for each other; their API is the Normalizer's signature
    noClasses().that().resideOutsideOfPackage("io.wirefeed.normalize..")
        .should().dependOnClassesThat(resideInAPackage("io.wirefeed.normalize..")
            .and(not(belongToAnyOf(Normalizer.class))))
        .check(classes);
  }
}
