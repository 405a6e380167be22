package com.contactsync.normalize.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * A value one rule selected: its node, its normalized path, and the paths of values inside it that an
 * earlier rule of the same kind selected itself (read there, not here).
 */
public record Selection(CompiledRule rule, JsonNode node, String path, int[] order, Set<String> holes) {}
