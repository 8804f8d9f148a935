/**
 * Models under test: logged predictions and in-process Java models.
 */
package dev.touchstone.model;
