/**
 * Models under test: logged predictions, in-process Java models and models behind an endpoint
 * (the adapters, over the HTTP client of {@code dev.touchstone.model.endpoint}).
 */
package dev.touchstone.model;
