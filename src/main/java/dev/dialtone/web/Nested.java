package dev.dialtone.web;

/**
 * Marks (with {@code @JsonView}) a property that holds an object of its own, such as {@code
 * subresource_uris}: JSON and XML nest it, CSV's flat rows leave it out.
 */
public interface Nested {}
