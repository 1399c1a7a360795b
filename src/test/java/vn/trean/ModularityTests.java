package vn.trean;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(TreAnApplication.class);

    @Test
    void modulesOnlyDependOnEachOthersApis() {
        modules.verify();
    }

    @Test
    void moduleDiagramIsWritten() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
