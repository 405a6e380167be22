package com.contactsync.privacy;

import com.contactsync.normalize.QualityCode;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a quality issue recorded a contact the mapping does not read: the normalized JSONPath of the
 * string ({@code $.work_email}, {@code $.notes}, {@code $['odd key']}, {@code $.log[2].text}) and whether
 * the whole string is the contact ({@code CONTACT_UNMAPPED}) or it is mentioned inside a text
 * ({@code CONTACT_MENTIONED}).
 */
record RecordedPlace(String jsonPath, boolean wholeValue) {

    /** The place an issue records, or null when the issue is of another code or has no path. */
    static RecordedPlace of(String code, String jsonPath) {
        if (jsonPath == null) {
            return null;
        }
        if (QualityCode.CONTACT_UNMAPPED.name().equals(code)) {
            return new RecordedPlace(jsonPath, true);
        }
        return QualityCode.CONTACT_MENTIONED.name().equals(code) ? new RecordedPlace(jsonPath, false) : null;
    }

    /**
     * The steps of the path: a {@code String} key or an {@code Integer} index each; null when it is not a
     * path of keys and indexes as issues write them ({@code JsonPathText}).
     */
    List<Object> steps() {
        String path = jsonPath;
        if (!path.startsWith("$")) {
            return null;
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    return null;
                }
                steps.add(path.substring(i + 1, end));
                i = end;
            } else if (path.startsWith("['", i)) {
                StringBuilder key = new StringBuilder();
                int j = i + 2;
                for (; j < path.length() && path.charAt(j) != '\''; j++) {
                    if (path.charAt(j) == '\\' && j + 1 < path.length()) {
                        j++;
                    }
                    key.append(path.charAt(j));
                }
                if (!path.startsWith("']", j)) {
                    return null;
                }
                steps.add(key.toString());
                i = j + 2;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0 || close == i + 1 || close - i > 10 || !path.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                    return null;
                }
                steps.add(Integer.parseInt(path.substring(i + 1, close)));
                i = close + 1;
            } else {
                return null;
            }
        }
        return steps;
    }
}
