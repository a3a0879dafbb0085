package dev.dialtone.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerLaunchTest {

    private static final Path ARCHIVE = Path.of("/tmp/server-x-jvm.jsa");
    private static final Path RECORDING = Path.of("/tmp/server-x-jvm.jsa.1");

    @Test
    void theFirstStartRecordsTheArchiveAndLaterOnesMapIt() {
        assertThat(ServerLaunch.sharing(DialtoneSettings.DEFAULT_JVM, ARCHIVE, false, RECORDING))
                .containsExactly("-XX:ArchiveClassesAtExit=" + RECORDING);
        assertThat(ServerLaunch.sharing(DialtoneSettings.DEFAULT_JVM, ARCHIVE, true, null))
                .containsExactly("-XX:SharedArchiveFile=" + ARCHIVE);
    }

    @Test
    void theUsersOwnSharingOptionsDecide() {
        for (String theirs :
                List.of("-Xshare:off", "-XX:SharedArchiveFile=/a.jsa", "-XX:AOTCache=/a.aot")) {
            assertThat(ServerLaunch.sharing(List.of("-Xmx64m", theirs), ARCHIVE, true, null))
                    .isEmpty();
        }
    }
}
