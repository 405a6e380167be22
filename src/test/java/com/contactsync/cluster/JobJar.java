package com.contactsync.cluster;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/**
 * The shaded job jar as the pom names it ({@code <artifactId>-<version>-<shadedClassifierName>.jar}
 * in {@code target/}), and a guard against testing a jar older than the compiled classes.
 */
public final class JobJar {

    private JobJar() {}

    /** The jar's file name, read from pom.xml so a renamed artifact cannot go unnoticed. */
    public static String fileName(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(pom.toFile());
            Element project = doc.getDocumentElement();
            String artifactId = childText(project, "artifactId");
            String version = childText(project, "version");
            NodeList classifiers = doc.getElementsByTagName("shadedClassifierName");
            if (classifiers.getLength() != 1) {
                throw new IllegalStateException(pom + " must configure exactly one shadedClassifierName, found "
                        + classifiers.getLength());
            }
            return artifactId + "-" + version + "-" + classifiers.item(0).getTextContent().trim() + ".jar";
        } catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("could not read " + pom, e);
        }
    }

    /**
     * The built jar; fails when it is missing or older than a class in target/classes (then the
     * test would run yesterday's code). Under {@code mvn verify} the cluster tests run in the
     * failsafe plugin, after {@code package}, so the jar is always fresh there.
     */
    public static Path requireFresh(Path projectDir) throws IOException {
        Path jar = projectDir.resolve("target").resolve(fileName(projectDir.resolve("pom.xml")));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the cluster tests with `mvn verify`"
                    + " (failsafe, after package) or build it first with `mvn -DskipTests package`");
        }
        FileTime built = Files.getLastModifiedTime(jar);
        Path classes = projectDir.resolve("target/classes");
        if (Files.isDirectory(classes)) {
            try (Stream<Path> files = Files.walk(classes)) {
                Path newer = files.filter(Files::isRegularFile)
                        .filter(f -> lastModified(f).compareTo(built) > 0)
                        .findFirst().orElse(null);
                if (newer != null) {
                    throw new IllegalStateException(jar + " is older than " + newer
                            + ": rebuild it (`mvn -DskipTests package`) or run `mvn verify`");
                }
            }
        }
        return jar;
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new IllegalStateException("could not read the time of " + file, e);
        }
    }

    private static String childText(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        throw new IllegalStateException("pom.xml has no project/" + name);
    }
}
