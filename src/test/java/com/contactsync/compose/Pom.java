package com.contactsync.compose;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The properties of pom.xml, so the stack's images can be held to the versions the build uses. */
final class Pom {

    private Pom() {}

    static Map<String, String> properties(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(pom.toFile());
        NodeList sections = doc.getElementsByTagName("properties");
        Map<String, String> properties = new LinkedHashMap<>();
        for (int s = 0; s < sections.getLength(); s++) {
            NodeList children = sections.item(s).getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node child = children.item(i);
                if (child instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().trim());
                }
            }
        }
        return properties;
    }
}
