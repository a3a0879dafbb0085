package dev.dialtone.junit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NoOrphanTest {

    @Test
    void dialtoneEndsWhenTheTestJvmThatStartedItIsKilled() throws Exception {
        Process probe =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                OrphanProbe.class.getName())
                        .redirectErrorStream(true)
                        .start();
        long pid = -1;
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("dialtone-pid=")) {
                    pid = Long.parseLong(line.substring("dialtone-pid=".length()));
                    break;
                }
            }
            assertTrue(pid > 0, "the probe started Dialtone");
            Optional<ProcessHandle> dialtone = ProcessHandle.of(pid);
            assertTrue(dialtone.isPresent() && dialtone.get().isAlive());

            probe.destroyForcibly(); // kill -9: no shutdown hook runs
            probe.waitFor();

            dialtone.get().onExit().get(30, TimeUnit.SECONDS);
            assertFalse(dialtone.get().isAlive(), "Dialtone outlived the JVM that started it");
        } finally {
            probe.destroyForcibly();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
