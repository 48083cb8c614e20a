/**
 * synthnlu/conformance: the suite every connector must pass, for a connector author's vitest run. It is an entry
 * point of its own, apart from synthnlu/connector-kit, because it checks a connector next to every built-in one
 * (ids, detection among all formats): the kit a connector loads at run time must not load the built-ins.
 */
export {runConformance, type ConformanceOptions} from './run-conformance.js';
export {project, type Projection} from './projection.js';
