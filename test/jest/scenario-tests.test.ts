import { scenarioTests } from '../../src/jest';
import { REPO_ROOT } from '../helpers';

// The jest integration as a user would write it: one describe per scenario, one test per expectation.
scenarioTests('scenarios/01-clusterip-by-ip-and-name', { cwd: REPO_ROOT });
scenarioTests('exercises/01-selector-typo', { cwd: REPO_ROOT, solutions: true });
