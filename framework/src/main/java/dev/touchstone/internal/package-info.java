/**
 * Internal: cross-cutting helpers (console progress). Not a supported API; may change without notice.
 */
package dev.touchstone.internal;
