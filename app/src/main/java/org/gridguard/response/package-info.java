/**
 * 应急响应: the city's response level (常态化, Ⅳ … Ⅰ) with its history, the rule profile each level selects, emergency
 * plans and drills with their follow-up actions. Sits low, just above {@code region} and {@code platform}: other
 * modules declare their level-dependent settings as {@link org.gridguard.response.ProfileSettings} beans and read them
 * through {@link org.gridguard.response.ResponseProfiles#active()}; this module stores and edits the values without
 * knowing those modules.
 */
@ApplicationModule(displayName = "Response", allowedDependencies = { "shared", "platform", "region" })
@NullMarked
package org.gridguard.response;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
