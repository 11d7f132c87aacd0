/**
 * Where a command stands in a project: the root found upward from the working directory, the way
 * git finds .git, from which years, the configuration and the glossary are read.
 */
export { findProjectRoot, type Place, type ProjectRoot, type RootMarker } from "../load/project.js";
