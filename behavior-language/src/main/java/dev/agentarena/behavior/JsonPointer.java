package dev.agentarena.behavior;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Builds RFC 6901 JSON pointers, escaping {@code ~} and {@code /} inside keys. */
final class JsonPointer {

    private JsonPointer() {
    }

    static String child(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }

    static String of(JsonMappingException e) {
        String pointer = "";
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer = ref.getFieldName() != null ? child(pointer, ref.getFieldName()) : child(pointer, ref.getIndex());
        }
        return pointer;
    }
}
