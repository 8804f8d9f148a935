/**
 * Internal: configuration plumbing (the one value parser, the version, a secret's value for the
 * clients that send it). Not a supported API; may change without notice.
 */
package dev.touchstone.config.internal;
