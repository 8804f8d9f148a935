package dev.touchstone.engine;

import dev.touchstone.annotation.Severity;
import dev.touchstone.result.SliceResult;
import java.util.List;

/**
 * Adds Touchstone's evidence to the Allure test case that is running on this thread, when
 * Allure is on the test classpath; does nothing otherwise. The check for Allure is done once,
 * by class name, so Allure stays an optional dependency.
 */
interface AllureBridge {

    /** Parameters, labels and evidence attachments for the judged slices of one test. */
    void describe(List<SliceResult> slices, Severity severity);

    /** A chart of the metric over the slices of one {@code onEachSliceOf} statement. */
    void chart(List<SliceResult> slices);

    static AllureBridge instance() {
        return Holder.INSTANCE;
    }

    final class Holder {
        static final AllureBridge INSTANCE = create();

        private Holder() {
        }

        private static AllureBridge create() {
            try {
                Class.forName("io.qameta.allure.Allure", false, AllureBridge.class.getClassLoader());
                return new AllureAttachments();
            } catch (ClassNotFoundException | LinkageError e) {
                return new AllureBridge() {
                    @Override
                    public void describe(List<SliceResult> slices, Severity severity) {
                    }

                    @Override
                    public void chart(List<SliceResult> slices) {
                    }
                };
            }
        }
    }
}
