package dev.agentarena.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class QuarkusServiceTest {

    private static final Path ROOT = Path.of("/checkout");

    @Test
    void theEngineKeepsBothJitTiersAndTheServicesThatWaitOnIoRunOnC1Alone() {
        assertThat(QuarkusService.jvmOptions(app("game-engine"))).containsExactly("-Xms64m", "-Xmx512m");
        assertThat(QuarkusService.jvmOptions(app("persistence-service"))).containsExactly("-Xms64m", "-Xmx512m",
                "-XX:TieredStopAtLevel=1");
        assertThat(QuarkusService.jvmOptions(app("llm-gateway"))).contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void theModuleIsReadFromTheAppDirectoryEvenWhenThePathIsRelative() {
        assertThat(QuarkusService.jvmOptions(Path.of("game-engine/target/quarkus-app"))).doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(QuarkusService.jvmOptions(Path.of("x/../persistence-service/target/quarkus-app"))).contains("-XX:TieredStopAtLevel=1");
    }

    private static Path app(String module) {
        return ROOT.resolve(module).resolve("target").resolve("quarkus-app");
    }
}
