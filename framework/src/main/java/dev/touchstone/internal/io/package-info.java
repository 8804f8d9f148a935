/**
 * Internal: writing files and directories atomically (with the permissions of any new file,
 * not the owner-only ones of {@code Files.createTempFile}), and copying or deleting a tree. Not a
 * supported API; may change without notice.
 */
package dev.touchstone.internal.io;
