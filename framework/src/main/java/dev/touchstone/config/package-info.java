/**
 * Configuration keys, their defaults and the settings in force.
 */
package dev.touchstone.config;
