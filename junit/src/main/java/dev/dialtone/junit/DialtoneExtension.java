package dev.dialtone.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts Dialtone for a test class, resets it before each test and hands tests a {@link Dialtone}.
 * {@link DialtoneTest} uses it with the annotation's settings; register it yourself for more:
 *
 * <pre>{@code
 * @RegisterExtension
 * static DialtoneExtension dialtone =
 *         DialtoneExtension.builder().manualClock().property("dialtone.validate-from", "true").build();
 * }</pre>
 *
 * Register it on a {@code static} field, so it starts before the class's first test and stops after
 * its last. Every Dialtone it started is stopped when the JVM exits, and ends by itself if the JVM
 * is killed.
 */
public final class DialtoneExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DialtoneExtension.class);
    private static final String KEY = "dialtone";

    private static final Map<DialtoneSettings, Dialtone> SHARED = new ConcurrentHashMap<>();
    private static final List<DialtoneServer> STARTED = new ArrayList<>();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    synchronized (STARTED) {
                                        STARTED.forEach(DialtoneServer::close);
                                    }
                                },
                                "dialtone-stop"));
    }

    private final DialtoneSettings settings;

    /** What a built extension that is not shared started. */
    private Dialtone own;

    /** For {@link DialtoneTest}: the settings come from the annotation. */
    public DialtoneExtension() {
        this(null);
    }

    private DialtoneExtension(DialtoneSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The handle of the Dialtone this extension started, for use in the test class's own static
     * set-up (e.g. a {@code @DynamicPropertySource} method). Starts it if it has not started yet.
     */
    public Dialtone dialtone() {
        if (settings == null) {
            throw new IllegalStateException("dialtone() is for an extension built with builder()");
        }
        if (settings.shared()) {
            return SHARED.computeIfAbsent(settings, DialtoneExtension::start);
        }
        synchronized (this) {
            if (own == null) {
                own = start(settings);
            }
            return own;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        Dialtone dialtone = dialtone(context);
        inject(context.getRequiredTestClass(), null, dialtone);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Dialtone dialtone = context.getStore(NAMESPACE).remove(KEY, Dialtone.class);
        if (dialtone != null && !dialtone.settings().shared()) {
            dialtone.stop();
            synchronized (this) {
                if (own == dialtone) {
                    own = null;
                }
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Dialtone dialtone = dialtone(context);
        dialtone.reset();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            inject(instance.getClass(), instance, dialtone);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Dialtone.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return dialtone(context);
    }

    /** The class's Dialtone (an enclosing class's, for a nested one), started on first use. */
    private Dialtone dialtone(ExtensionContext context) {
        Dialtone found = context.getStore(NAMESPACE).get(KEY, Dialtone.class);
        if (found != null) {
            return found;
        }
        ExtensionContext owner = context;
        while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
            owner = owner.getParent().get();
        }
        DialtoneSettings wanted = settings != null ? settings : fromAnnotation(context);
        Dialtone dialtone;
        if (settings != null) {
            dialtone = dialtone();
        } else if (wanted.shared()) {
            dialtone = SHARED.computeIfAbsent(wanted, DialtoneExtension::start);
        } else {
            dialtone = start(wanted);
        }
        owner.getStore(NAMESPACE).put(KEY, dialtone);
        return dialtone;
    }

    private static Dialtone start(DialtoneSettings settings) {
        DialtoneServer server = DialtoneServer.start(settings);
        synchronized (STARTED) {
            STARTED.add(server);
        }
        return new Dialtone(server, settings);
    }

    private static DialtoneSettings fromAnnotation(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        DialtoneTest test = null;
        for (Class<?> c = type; c != null && test == null; c = c.getEnclosingClass()) {
            test = c.getAnnotation(DialtoneTest.class);
        }
        Builder builder = builder();
        if (test != null) {
            if (test.manualClock()) {
                builder.manualClock();
            }
            if (test.shared()) {
                builder.shared();
            }
            Arrays.stream(test.properties())
                    .forEach(
                            p -> {
                                int eq = p.indexOf('=');
                                if (eq < 1) {
                                    throw new IllegalArgumentException(
                                            "@DialtoneTest properties are name=value, was: " + p);
                                }
                                builder.property(p.substring(0, eq), p.substring(eq + 1));
                            });
        }
        return builder.settings();
    }

    private static void inject(Class<?> type, Object instance, Dialtone dialtone)
            throws IllegalAccessException {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getType() == Dialtone.class
                        && Modifier.isStatic(field.getModifiers()) == (instance == null)
                        && !Modifier.isFinal(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(instance, dialtone);
                }
            }
        }
    }

    /** Settings for a {@link DialtoneExtension}. */
    public static final class Builder {

        private boolean manualClock;
        private boolean shared;
        private Path jar;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<String> jvmArguments = new ArrayList<>(DialtoneSettings.DEFAULT_JVM);
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {
            properties.put("dialtone.simulation.speed", DialtoneSettings.DEFAULT_SPEED);
        }

        /** Time stands still until the test advances it ({@link Dialtone#clock()}). */
        public Builder manualClock() {
            this.manualClock = true;
            return this;
        }

        /** One Dialtone for every test class in the JVM with the same settings. */
        public Builder shared() {
            this.shared = true;
            return this;
        }

        /**
         * How many times faster than on the phone calls ring, talk and speak: 20 unless set; 1 is
         * Twilio's pace.
         */
        public Builder speed(double speed) {
            return property("dialtone.simulation.speed", Double.toString(speed));
        }

        /** A Dialtone setting, as README's "Configure it" names them. */
        public Builder property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        /** Runs this server jar rather than the one packed into dialtone-junit. */
        public Builder jar(Path jar) {
            this.jar = jar;
            return this;
        }

        /** Adds options for the server's JVM (it runs with a 128 MB heap unless told). */
        public Builder jvmArgument(String argument) {
            jvmArguments.add(argument);
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public DialtoneExtension build() {
            return new DialtoneExtension(settings());
        }

        DialtoneSettings settings() {
            return new DialtoneSettings(
                    manualClock, properties, shared, jar, jvmArguments, startTimeout);
        }
    }
}
