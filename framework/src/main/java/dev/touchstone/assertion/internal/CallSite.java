package dev.touchstone.assertion.internal;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a statement was made, as a stack trace that starts at the user's line
 * ({@code MySpec.recallAtNight(MySpec.java:42)}), so that an IDE jumps to it and Surefire's
 * summary names it. Touchstone's own frames are left out, as AssertJ leaves out its own; the
 * engine also cuts what lies below the spec (reflection, JUnit, the engine).
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class CallSite {

    private static final CodeSource OWN = CallSite.class.getProtectionDomain().getCodeSource();
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private CallSite() {
    }

    /** The caller's stack, from the first frame that is not Touchstone's own. */
    public static List<StackTraceElement> here() {
        return WALKER.walk(frames -> frames.dropWhile(f -> isOwn(f.getDeclaringClass()))
                .map(StackWalker.StackFrame::toStackTraceElement).toList());
    }

    /**
     * {@code frames} up to the last one in {@code spec} (or a class nested in it): what lies below
     * is the runner's. All of them when none is.
     */
    public static List<StackTraceElement> within(List<StackTraceElement> frames, String spec) {
        int last = -1;
        for (int i = 0; i < frames.size(); i++) {
            String name = frames.get(i).getClassName();
            if (name.equals(spec) || name.startsWith(spec + "$")) {
                last = i;
            }
        }
        return last < 0 ? frames : new ArrayList<>(frames.subList(0, last + 1));
    }

    /** Sets {@code error}'s stack trace to {@code frames}, when there are any; returns it. */
    public static <T extends Throwable> T at(T error, List<StackTraceElement> frames) {
        if (!frames.isEmpty()) {
            error.setStackTrace(frames.toArray(StackTraceElement[]::new));
        }
        return error;
    }

    private static boolean isOwn(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return OWN != null && source != null && Objects.equals(OWN.getLocation(), source.getLocation());
    }
}
