package dev.dialtone.support;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * With {@code dialtone.exit-when-stdin-closes=true}, Dialtone exits when its standard input ends. A
 * test that starts it as a child process keeps the pipe open; the operating system closes it when
 * that JVM ends however it ends, {@code kill -9} included, so no Dialtone outlives its test. The
 * setting is read when it starts rather than as a bean condition, which the packaged jar's
 * ahead-of-time wiring would have fixed at build time.
 */
@Component
class StdinWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StdinWatch.class);

    private final boolean enabled;
    private volatile boolean running;

    StdinWatch(@Value("${dialtone.exit-when-stdin-closes:false}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            return;
        }
        Thread watch = new Thread(this::watch, "stdin-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private void watch() {
        try {
            while (System.in.read() >= 0) {
                // What the parent writes means nothing; only the end does.
            }
        } catch (IOException e) {
            log.debug("Standard input failed", e);
        }
        log.info("Standard input closed: the process that started Dialtone is gone; exiting");
        System.exit(0);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
