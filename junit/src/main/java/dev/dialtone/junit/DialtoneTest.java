package dev.dialtone.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a Dialtone of its own: started before the class's first test (as a
 * child process, on a free loopback port, with an in-memory database and calls twenty times faster
 * than on the phone), reset before each test, stopped after the class — or kept for every class
 * that asks for the same settings with {@link #shared()}.
 *
 * <p>A test method parameter, or a field, of type {@link Dialtone} receives the handle:
 *
 * <pre>{@code
 * @DialtoneTest
 * class IvrTest {
 *     @Test
 *     void answers(Dialtone dialtone) {
 *         String call = dialtone.incomingCall("+14155550100", "+14155550123");
 *         dialtone.await(call).status(CallStatus.COMPLETED);
 *     }
 * }
 * }</pre>
 *
 * For settings beyond these, register a {@link DialtoneExtension} built with {@link
 * DialtoneExtension#builder()} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DialtoneExtension.class)
public @interface DialtoneTest {

    /** Whether time stands still until the test moves it with {@link Dialtone#clock()}. */
    boolean manualClock() default false;

    /** One Dialtone for every test class in the JVM with the same settings. */
    boolean shared() default false;

    /**
     * Dialtone settings as {@code name=value}, e.g. {@code "dialtone.simulation.talk-time=2s"} or
     * {@code "dialtone.validate-from=true"}.
     */
    String[] properties() default {};
}
