package dev.dialtone.junit;

/** A test JVM that starts Dialtone, says its pid, and waits to be killed. */
final class OrphanProbe {

    public static void main(String[] args) throws InterruptedException {
        DialtoneServer server = DialtoneServer.start(DialtoneExtension.builder().settings());
        System.out.println("dialtone-pid=" + server.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
