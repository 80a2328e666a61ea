package io.wirefeed.normalize;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sub-packages of normalize are layered below the Normalizer entry point, without cycles. */
class PackageStructureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.wirefeed.normalize");
  }

  @Test
  void subPackagesDoNotDependOnTheEntryPackage() {
    noClasses().that().resideInAPackage("io.wirefeed.normalize.(*)..")
        .should().dependOnClassesThat().resideInAPackage("io.wirefeed.normalize")
        .check(classes);
  }

  @Test
  void subPackagesAreFreeOfCycles() {
    slices().matching("io.wirefeed.normalize.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void languageIsTheBottomLayer() {
    noClasses().that().resideInAPackage("io.wirefeed.normalize.lang..")
        .should().dependOnClassesThat().resideInAnyPackage("io.wirefeed.normalize.text..",
            "io.wirefeed.normalize.html..", "io.wirefeed.normalize.wire..", "io.wirefeed.normalize.quote..")
        .check(classes);
  }

  @Test
  void quotesKnowNothingOfPagesOrWireFields() {
    noClasses().that().resideInAPackage("io.wirefeed.normalize.quote..")
        .should().dependOnClassesThat().resideInAnyPackage("io.wirefeed.normalize.text..",
            "io.wirefeed.normalize.html..", "io.wirefeed.normalize.wire..")
        .check(classes);
  }

  @Test
  void wireFieldsKnowNothingOfPagesOrQuotes() {
    noClasses().that().resideInAPackage("io.wirefeed.normalize.wire..")
        .should().dependOnClassesThat().resideInAnyPackage("io.wirefeed.normalize.text..",
            "io.wirefeed.normalize.html..", "io.wirefeed.normalize.quote..")
        .check(classes);
  }
}
