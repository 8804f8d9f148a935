package dev.touchstone.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copying and deleting trees. */
class FileTreesTest {

    @TempDir
    Path dir;

    private Path tree(String name) throws IOException {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("a/b"));
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve("top.txt"), "top");
        Files.writeString(root.resolve("a/b/deep.txt"), "deep");
        return root;
    }

    @Test
    void a_tree_is_deleted_whole() throws Exception {
        Path root = tree("t");

        assertThat(FileTrees.deleteIfExists(root)).isTrue();

        assertThat(root).doesNotExist();
        assertThat(FileTrees.deleteIfExists(root)).as("nothing left to delete").isFalse();
    }

    @Test
    void a_link_in_the_tree_is_deleted_not_what_it_points_to() throws Exception {
        Path outside = tree("outside");
        Path root = tree("t");
        try {
            Files.createSymbolicLink(root.resolve("link"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not available: " + e);
        }

        FileTrees.deleteIfExists(root);

        assertThat(root).doesNotExist();
        assertThat(outside.resolve("a/b/deep.txt")).hasContent("deep");
    }

    @Test
    void a_tree_is_copied_with_empty_directories_replacing_files_already_there() throws Exception {
        Path source = tree("source");
        Path target = dir.resolve("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("top.txt"), "stale");
        Files.writeString(target.resolve("kept.txt"), "kept");

        FileTrees.copy(source, target);

        assertThat(target.resolve("top.txt")).hasContent("top");
        assertThat(target.resolve("a/b/deep.txt")).hasContent("deep");
        assertThat(target.resolve("empty")).isEmptyDirectory();
        assertThat(target.resolve("kept.txt")).hasContent("kept");
    }
}
