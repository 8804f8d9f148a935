package dev.touchstone.maven.config;

import java.nio.file.Path;

/**
 * What the {@code report} goal does, converted from its Mojo fields.
 *
 * @param allureResults   the Allure results to render ({@code target/allure-results})
 * @param reportDirectory where the HTML report goes; its {@code history} carries trends over
 * @param singleFile      one self-contained {@code index.html} (Allure's {@code --single-file})
 * @param allureVersion   the {@code io.qameta.allure:allure-commandline} version to run
 * @param toolsDirectory  where the commandline is unpacked
 * @param failIfNoResults fail when there are no Allure results (else log and pass)
 */
public record ReportOptions(Path allureResults, Path reportDirectory, boolean singleFile, String allureVersion,
        Path toolsDirectory, boolean failIfNoResults) {
}
