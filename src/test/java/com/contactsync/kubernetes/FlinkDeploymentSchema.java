package com.contactsync.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The FlinkDeployment v1beta1 schema of the Flink Kubernetes Operator's CRD, as
 * org.apache.flink:flink-kubernetes-operator-api:1.10.0 ships it (META-INF/fabric8; the newest
 * release on Maven Central), made stricter and newer in two ways:
 * <ul>
 *   <li>objects with declared properties accept no others, unless the CRD preserves unknown
 *       fields: the API server would silently prune a misspelt field, so a typo must fail here;</li>
 *   <li>{@code flinkVersion} also accepts {@code v2_0}, which operator 1.11 added for Flink 2.0.</li>
 * </ul>
 */
final class FlinkDeploymentSchema {

    private static final String CRD = "META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonSchema schema;

    private FlinkDeploymentSchema(JsonSchema schema) {
        this.schema = schema;
    }

    static FlinkDeploymentSchema load() throws IOException {
        JsonNode crd;
        try (InputStream in = FlinkDeploymentSchema.class.getClassLoader().getResourceAsStream(CRD)) {
            if (in == null) {
                throw new AssertionError(CRD + " is not on the test class path (flink-kubernetes-operator-api, test scope)");
            }
            crd = YAML.readTree(in);
        }
        JsonNode version = null;
        for (JsonNode candidate : crd.path("spec").path("versions")) {
            if (candidate.path("name").asText().equals("v1beta1")) {
                version = candidate;
            }
        }
        if (version == null) {
            throw new AssertionError("the CRD has no version v1beta1");
        }
        ObjectNode openApi = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
        // Not the root: the API server itself adds apiVersion, kind and metadata to the schema.
        openApi.path("properties").forEach(FlinkDeploymentSchema::closeObjects);
        ((ArrayNode) openApi.path("properties").path("spec").path("properties").path("flinkVersion").path("enum")).add("v2_0");
        return new FlinkDeploymentSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(openApi));
    }

    /** Schema violations of the resource, one line each; empty when it is valid. */
    Set<String> violations(JsonNode resource) {
        Set<ValidationMessage> messages = schema.validate(resource);
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                closeObjects(fields.next().getValue());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(FlinkDeploymentSchema::closeObjects);
        }
    }
}
