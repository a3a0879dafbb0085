package dev.dialtone.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How a server jar is started fast, each step done once per jar and kept in the temporary
 * directory: the jar unpacked into a plain jar and its libraries, from which the JVM loads classes
 * faster than from jars nested in a jar; and an archive of the classes the first start loaded
 * (class data sharing), which every later start on the same JVM maps instead of loading them. The
 * first start records the archive as it exits; no one has to train anything.
 */
final class ServerLaunch {

    private final Path jar;
    private final List<String> sharing;
    private final Path recording;
    private final Path archive;

    private ServerLaunch(Path jar, List<String> sharing, Path recording, Path archive) {
        this.jar = jar;
        this.sharing = sharing;
        this.recording = recording;
        this.archive = archive;
    }

    /** The jar to start with {@code java -jar}. */
    Path jar() {
        return jar;
    }

    /** The JVM options that map the archive, or record it on this start. */
    List<String> sharing() {
        return sharing;
    }

    /**
     * After the process ended: the archive it recorded becomes the one later starts map, if it
     * exited by itself and so finished writing it. Each start records into a file of its own, so
     * processes that end together cannot tear one file.
     */
    void settle(boolean exitedCleanly) {
        if (recording == null || !Files.exists(recording)) {
            return;
        }
        try {
            if (exitedCleanly) {
                Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(recording);
            }
        } catch (IOException e) {
            // Left behind, it is removed by a later start (forgetOlder).
        }
    }

    static ServerLaunch of(Path java, Path serverJar, List<String> jvmArguments)
            throws IOException, InterruptedException {
        Path unpacked = unpacked(java, serverJar);
        Path archive = unpacked.resolveSibling(unpacked.getFileName() + "-" + jvmKey() + ".jsa");
        // Older than any start takes: abandoned.
        forgetOlder(archive.getParent(), null, Duration.ofMinutes(10), archive.getFileName() + ".");
        boolean archived = Files.exists(archive);
        Path recording =
                archived
                        ? null
                        : archive.resolveSibling(archive.getFileName() + "." + UUID.randomUUID());
        return new ServerLaunch(
                unpacked.resolve("dialtone.jar"),
                sharing(jvmArguments, archive, archived, recording),
                recording,
                archive);
    }

    /**
     * Options for class data sharing: none where the user's own options already decide it, the
     * archive where one was recorded, else the recording of one.
     */
    static List<String> sharing(
            List<String> jvmArguments, Path archive, boolean archived, Path recording) {
        boolean theirs =
                jvmArguments.stream()
                        .anyMatch(
                                a ->
                                        a.equals("-Xshare:off")
                                                || a.startsWith("-XX:SharedArchiveFile")
                                                || a.startsWith("-XX:ArchiveClassesAtExit")
                                                || a.startsWith("-XX:AOTCache"));
        if (theirs) {
            return List.of();
        }
        return archived
                ? List.of("-XX:SharedArchiveFile=" + archive)
                : List.of("-XX:ArchiveClassesAtExit=" + recording);
    }

    /** The server jar unpacked by its own tools mode, once per jar. */
    private static Path unpacked(Path java, Path serverJar)
            throws IOException, InterruptedException {
        String key =
                Integer.toHexString(serverJar.toAbsolutePath().toString().hashCode())
                        + "-"
                        + Files.size(serverJar)
                        + "-"
                        + Files.getLastModifiedTime(serverJar).toMillis();
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "dialtone-junit");
        Path target = home.resolve("server-" + key);
        if (Files.exists(target.resolve("dialtone.jar"))) {
            return target;
        }
        Files.createDirectories(home);
        // Those of other jars, once this one is new: they are a build or more behind.
        forgetOlder(
                home,
                serverJar.toAbsolutePath(),
                Duration.ofDays(1),
                "server-",
                "dialtone-server-");
        Path partial = Files.createTempDirectory(home, "server-" + key + ".");
        Process extract =
                new ProcessBuilder(
                                java.toString(),
                                "-Djarmode=tools",
                                "-jar",
                                serverJar.toString(),
                                "extract",
                                "--destination",
                                partial.toString(),
                                "--application-filename",
                                "dialtone.jar",
                                "--force")
                        .redirectErrorStream(true)
                        .redirectOutput(
                                partial.resolveSibling(partial.getFileName() + ".log").toFile())
                        .start();
        if (!extract.waitFor(60, TimeUnit.SECONDS) || extract.exitValue() != 0) {
            extract.destroyForcibly();
            throw new IOException("Could not unpack " + serverJar + " into " + partial);
        }
        Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + ".log"));
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(target.resolve("dialtone.jar"))) {
                throw e;
            }
            delete(partial); // another test JVM unpacked the same jar first
        }
        return target;
    }

    /**
     * Removes what lies in {@code dir} under a name starting with one of {@code prefixes} and was
     * last written before {@code age} ago: a recording whose start never settled it (its test JVM
     * was killed) is tens of megabytes, and a server unpacked with its archive about 130 MB, a new
     * one with each build of this artifact. A process still running one keeps the files it opened;
     * {@code keep}, the jar about to be unpacked, stays.
     */
    private static void forgetOlder(Path dir, Path keep, Duration age, String... prefixes)
            throws IOException {
        Instant before = Instant.now().minus(age);
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (!p.toAbsolutePath().equals(keep)
                        && Stream.of(prefixes).anyMatch(name::startsWith)
                        && Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                    delete(p);
                }
            }
        }
    }

    /** Names the JVM an archive belongs to: another JVM would refuse it anyway. */
    private static String jvmKey() {
        String jvm = System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
        return HexFormat.of().toHexDigits(jvm.hashCode());
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
