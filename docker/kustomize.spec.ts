// Kubernetes manifests, checked as the cluster would receive them: `kubectl kustomize` renders every
// overlay and every base under docker/k8s, and the assertions run on that output (generated names,
// merged ConfigMaps, patched replicas and all). `kubectl kustomize DIR` needs no cluster. Without
// kubectl on PATH the suite says so in one line and checks only that the kustomization files parse
// and reference what exists, unless CI=true, where a missing kubectl fails.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse, parseAllDocuments } from 'yaml';

const DOCKER_DIR = __dirname;
const K8S = join(DOCKER_DIR, 'k8s');
const KUBECTL = 'kubectl';

// ---------------------------------------------------------------------------------------------
// what each service needs (read from apps/*/src, libs/*/src and the root README's configuration table)
// ---------------------------------------------------------------------------------------------

interface ServiceNeeds {
  port: number;
  /** Must come from the service's Secret through a secretKeyRef. */
  secrets: string[];
  /** Secret keys the Secret may leave out (secretKeyRef `optional: true`). */
  optionalSecrets: string[];
  /** Plain settings every build sets (base and overlays). */
  config: string[];
  /** Plain settings only an environment knows, so only overlays set them. */
  overlayConfig: string[];
  /** The `<NAME>_SERVICE_` downstreams; the slowest one bounds the drain at shutdown. */
  downstreams: string[];
}

const COMMON_CONFIG = ['PORT', 'SHUTDOWN_DELAY', 'LOG_LEVEL'];

const SERVICES: Record<string, ServiceNeeds> = {
  download: {
    port: 3001,
    secrets: ['DATABASE_URL', 'JWT_SECRET', 'DOWNLOAD_URL_SECRET', 'REDIS_URL'],
    optionalSecrets: [],
    config: [...COMMON_CONFIG, 'LIBRARY_SERVICE_URL'],
    overlayConfig: ['DOWNLOAD_CONTENT_BASE_URL'],
    downstreams: ['LIBRARY'],
  },
  'chat-summarizer': {
    port: 3002,
    secrets: ['JWT_SECRET', 'LLM_API_KEY', 'REDIS_URL'],
    optionalSecrets: ['LLM_API_KEY'],
    config: [...COMMON_CONFIG, 'CHAT_SERVICE_URL', 'LLM_SERVICE_URL'],
    overlayConfig: [],
    downstreams: ['CHAT', 'LLM'],
  },
  project: {
    port: 3003,
    secrets: ['DATABASE_URL', 'JWT_SECRET', 'REDIS_URL'],
    optionalSecrets: [],
    config: [...COMMON_CONFIG, 'USER_SERVICE_URL', 'KNOWLEDGE_SERVICE_URL'],
    overlayConfig: [],
    downstreams: ['USER', 'KNOWLEDGE'],
  },
  'media-acquisition': {
    port: 3004,
    secrets: ['DATABASE_URL', 'JWT_SECRET', 'PROWLARR_API_KEY', 'QBITTORRENT_PASSWORD', 'REDIS_URL'],
    optionalSecrets: [],
    config: [
      ...COMMON_CONFIG,
      'PROWLARR_SERVICE_URL',
      'QBITTORRENT_SERVICE_URL',
      'QBITTORRENT_USERNAME',
      'MEDIA_LIBRARY_ROOT',
    ],
    overlayConfig: [],
    downstreams: ['PROWLARR', 'QBITTORRENT', 'TMDB'],
  },
};
const SERVICE_NAMES = Object.keys(SERVICES);

/** Names that carry a credential: never a literal value, never a ConfigMap key. */
const SECRET_NAME = /SECRET|PASSWORD|PASSWD|API_KEY|TOKEN|CREDENTIAL|DATABASE_URL|REDIS_URL/;
/** A URL with a password in it (`scheme://user:pass@host`, `redis://:pass@host`). */
const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i;
/** The libs/clients-core default per-attempt timeout. */
const DEFAULT_DOWNSTREAM_TIMEOUT_MS = 10_000;

// Field names of the pod template's parts (Kubernetes 1.32 API). kustomize renders unknown fields as
// they are, and a typo (`readinesProbe`) would only surface at `kubectl apply` time.
const FIELDS: Record<string, string[]> = {
  podSpec: [
    'activeDeadlineSeconds',
    'affinity',
    'automountServiceAccountToken',
    'containers',
    'dnsConfig',
    'dnsPolicy',
    'enableServiceLinks',
    'ephemeralContainers',
    'hostAliases',
    'hostIPC',
    'hostNetwork',
    'hostPID',
    'hostUsers',
    'hostname',
    'imagePullSecrets',
    'initContainers',
    'nodeName',
    'nodeSelector',
    'os',
    'overhead',
    'preemptionPolicy',
    'priority',
    'priorityClassName',
    'readinessGates',
    'resourceClaims',
    'resources',
    'restartPolicy',
    'runtimeClassName',
    'schedulerName',
    'schedulingGates',
    'securityContext',
    'serviceAccount',
    'serviceAccountName',
    'setHostnameAsFQDN',
    'shareProcessNamespace',
    'subdomain',
    'terminationGracePeriodSeconds',
    'tolerations',
    'topologySpreadConstraints',
    'volumes',
  ],
  podSecurityContext: [
    'appArmorProfile',
    'fsGroup',
    'fsGroupChangePolicy',
    'runAsGroup',
    'runAsNonRoot',
    'runAsUser',
    'seLinuxChangePolicy',
    'seLinuxOptions',
    'seccompProfile',
    'supplementalGroups',
    'supplementalGroupsPolicy',
    'sysctls',
    'windowsOptions',
  ],
  container: [
    'args',
    'command',
    'env',
    'envFrom',
    'image',
    'imagePullPolicy',
    'lifecycle',
    'livenessProbe',
    'name',
    'ports',
    'readinessProbe',
    'resizePolicy',
    'resources',
    'restartPolicy',
    'securityContext',
    'startupProbe',
    'stdin',
    'stdinOnce',
    'terminationMessagePath',
    'terminationMessagePolicy',
    'tty',
    'volumeDevices',
    'volumeMounts',
    'workingDir',
  ],
  containerSecurityContext: [
    'allowPrivilegeEscalation',
    'appArmorProfile',
    'capabilities',
    'privileged',
    'procMount',
    'readOnlyRootFilesystem',
    'runAsGroup',
    'runAsNonRoot',
    'runAsUser',
    'seLinuxOptions',
    'seccompProfile',
    'windowsOptions',
  ],
  probe: [
    'exec',
    'failureThreshold',
    'grpc',
    'httpGet',
    'initialDelaySeconds',
    'periodSeconds',
    'successThreshold',
    'tcpSocket',
    'terminationGracePeriodSeconds',
    'timeoutSeconds',
  ],
  resources: ['claims', 'limits', 'requests'],
};

/** `[where, field]` for every field of a Deployment's pod template that Kubernetes does not know. */
function unknownFields(deployment: K8sObject): string[][] {
  const where = deployment.metadata.name;
  const unknown = (object: K8sObject, kind: string, path: string): string[][] =>
    Object.keys(object ?? {})
      .filter((key) => !FIELDS[kind].includes(key))
      .map((key) => [`${where}: ${path}`, key]);
  const pod = deployment.spec.template.spec;
  const found = [
    ...unknown(pod, 'podSpec', 'spec'),
    ...unknown(pod.securityContext, 'podSecurityContext', 'securityContext'),
  ];
  for (const c of containersOf(deployment)) {
    found.push(
      ...unknown(c, 'container', c.name),
      ...unknown(c.securityContext, 'containerSecurityContext', `${c.name}.securityContext`),
      ...unknown(c.resources, 'resources', `${c.name}.resources`),
    );
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'])
      found.push(...unknown(c[probe], 'probe', `${c.name}.${probe}`));
  }
  return found;
}

interface Build {
  /** Folder under docker/k8s. */
  dir: string;
  kind: 'overlay' | 'base';
  env?: 'dev' | 'prod';
  services: string[];
}

const BUILDS: Build[] = [
  { dir: 'overlays/dev', kind: 'overlay', env: 'dev', services: SERVICE_NAMES },
  { dir: 'overlays/prod', kind: 'overlay', env: 'prod', services: SERVICE_NAMES },
  ...SERVICE_NAMES.map((name): Build => ({ dir: `base/${name}`, kind: 'base', services: [name] })),
];

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

type K8sObject = any;

/** What to do about kubectl: render, or (outside CI only) fall back to parsing the files. */
function kubectlPlan(
  found: boolean,
  ci: string | undefined,
): { mode: 'render' } | { mode: 'parse-only'; notice: string } {
  if (found) return { mode: 'render' };
  if (ci === 'true')
    throw new Error(
      'kubectl is not on PATH, and CI=true requires it: install kubectl so `kubectl kustomize` can check docker/k8s',
    );
  return {
    mode: 'parse-only',
    notice:
      'docker/k8s: kubectl is not on PATH, so the overlays are not rendered; only the ' +
      'kustomization files are parsed (CI=true makes this a failure)',
  };
}

function kubectlOnPath(): boolean {
  const probe = spawnSync(KUBECTL, ['version', '--client'], { stdio: 'ignore', timeout: 20_000 });
  return !probe.error && probe.status === 0;
}

async function render(dir: string): Promise<K8sObject[]> {
  const { stdout } = await promisify(execFile)(KUBECTL, ['kustomize', join(K8S, dir)], {
    maxBuffer: 16 * 1024 * 1024,
    timeout: 60_000,
  });
  return parseAllDocuments(stdout)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${dir}: ${doc.errors[0].message}`);
      return doc.toJS();
    })
    .filter(Boolean);
}

/** `5000` (ms, as libs/platform reads it), `500ms`, `5s`, `1m30s` → milliseconds. */
function durationMs(value: string | number): number {
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text);
  const units: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) throw new Error(`not a duration: "${text}"`);
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * units[unit], 0);
}

/** Kubernetes quantities: `100m`, `1`, `0.5` (CPU); `192Mi`, `1Gi`, `500M` (memory). */
function quantity(value: string | number): number {
  const match = /^(\d+(?:\.\d+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(String(value));
  if (!match) throw new Error(`not a quantity: "${value}"`);
  const scale: Record<string, number> = {
    '': 1,
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
  };
  return Number(match[1]) * scale[match[2] ?? ''];
}

const byKind = (docs: K8sObject[], kind: string): K8sObject[] => docs.filter((d) => d.kind === kind);
const named = (docs: K8sObject[], kind: string, name: string): K8sObject | undefined =>
  docs.find((d) => d.kind === kind && d.metadata?.name === name);
const subset = (small: Record<string, string> = {}, big: Record<string, string> = {}): boolean =>
  Object.keys(small).length > 0 && Object.entries(small).every(([k, v]) => big[k] === v);
const podLabels = (deployment: K8sObject): Record<string, string> => deployment.spec.template.metadata.labels ?? {};
const containersOf = (deployment: K8sObject): K8sObject[] => [
  ...(deployment.spec.template.spec.initContainers ?? []),
  ...deployment.spec.template.spec.containers,
];

function serviceParts(docs: K8sObject[], service: string) {
  const deployment = named(docs, 'Deployment', service);
  if (!deployment) throw new Error(`no Deployment ${service}`);
  const container = deployment.spec.template.spec.containers.find((c: K8sObject) => c.name === service);
  if (!container) throw new Error(`Deployment ${service} has no container named ${service}`);
  return { deployment, pod: deployment.spec.template.spec, container };
}

interface EnvSource {
  value?: string;
  secret?: { name: string; key: string; optional: boolean };
  configMap?: string;
}

/** A container's environment as the kubelet builds it: envFrom ConfigMaps first, `env` entries over them. */
function environment(container: K8sObject, docs: K8sObject[]): Map<string, EnvSource> {
  const env = new Map<string, EnvSource>();
  for (const from of container.envFrom ?? []) {
    if (from.secretRef)
      throw new Error(
        `${container.name}: envFrom secretRef hides which keys come from a Secret; list them in env with secretKeyRef`,
      );
    const name = from.configMapRef?.name;
    const configMap = named(docs, 'ConfigMap', name);
    if (!configMap)
      throw new Error(`${container.name}: envFrom names ConfigMap ${name}, which the build does not contain`);
    for (const [key, value] of Object.entries(configMap.data ?? {}))
      env.set(key, { value: String(value), configMap: name });
  }
  for (const entry of container.env ?? []) {
    const ref = entry.valueFrom?.secretKeyRef;
    if (ref) env.set(entry.name, { secret: { name: ref.name, key: ref.key, optional: ref.optional === true } });
    else if (entry.valueFrom) env.set(entry.name, {});
    else env.set(entry.name, { value: entry.value === undefined ? undefined : String(entry.value) });
  }
  return env;
}

function secretData(secret: K8sObject): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(secret.data ?? {}))
    data[key] = Buffer.from(String(value), 'base64').toString('utf8');
  for (const [key, value] of Object.entries(secret.stringData ?? {})) data[key] = String(value);
  return data;
}

/** `http`, or a number: the container port a probe or Service target means. */
function containerPort(container: K8sObject, port: string | number): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p: K8sObject) => p.name === port)?.containerPort;
}

/** Every `kubectl create secret generic NAME … --from-literal=KEY=…` in docker/README.md: NAME → keys. */
function readmeSecrets(): Map<string, Set<string>> {
  const text = readFileSync(join(DOCKER_DIR, 'README.md'), 'utf8').replace(/\\\n/g, ' ');
  const found = new Map<string, Set<string>>();
  for (const [command] of text.matchAll(/kubectl\b[^\n]*\bcreate secret generic [^\n]*/g)) {
    const name = /create secret generic (\S+)/.exec(command)?.[1] as string;
    const keys = [...command.matchAll(/--from-(?:literal|file)=([A-Z0-9_]+)/g)].map((m) => m[1]);
    found.set(name, new Set([...(found.get(name) ?? []), ...keys]));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------

const kubectlFound = kubectlOnPath();

describe('kubectl kustomize', () => {
  it('is on PATH to render docker/k8s (a missing kubectl fails when CI=true)', () => {
    const plan = kubectlPlan(kubectlFound, process.env.CI);
    if (plan.mode === 'parse-only') process.stderr.write(`${plan.notice}\n`);
    expect(['render', 'parse-only']).toContain(plan.mode);
  });

  it('kubectlPlan: renders when found; falls back with a one-line notice outside CI; throws under CI=true', () => {
    expect(kubectlPlan(true, 'true')).toEqual({ mode: 'render' });
    const fallback = kubectlPlan(false, undefined);
    expect(fallback.mode).toBe('parse-only');
    expect('notice' in fallback && !fallback.notice.includes('\n')).toBe(true);
    expect(kubectlPlan(false, 'false').mode).toBe('parse-only');
    expect(() => kubectlPlan(false, 'true')).toThrow(/kubectl is not on PATH/);
  });
});

describe('docker/k8s kustomization files (checked with or without kubectl)', () => {
  const kustomizations = (function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) return walk(full);
      return entry === 'kustomization.yaml' ? [full] : [];
    });
  })(K8S);
  const rel = (path: string) => relative(K8S, path);

  it('has a kustomization for every base and overlay this suite renders', () => {
    expect(kustomizations.map((k) => rel(dirname(k))).sort()).toEqual(BUILDS.map((b) => b.dir).sort());
  });

  it.each(BUILDS.map((b) => b.dir))(
    '%s: parses, and every resource, generator file and patch it names exists and parses',
    (dir) => {
      const root = join(K8S, dir);
      const kustomization = parse(readFileSync(join(root, 'kustomization.yaml'), 'utf8'));
      expect(kustomization.kind).toBe('Kustomization');
      for (const resource of kustomization.resources ?? []) {
        const path = resolve(root, resource);
        const ok =
          existsSync(path) && (statSync(path).isDirectory() ? existsSync(join(path, 'kustomization.yaml')) : true);
        expect([resource, ok]).toEqual([resource, true]);
        if (statSync(path).isFile()) {
          for (const doc of parseAllDocuments(readFileSync(path, 'utf8'))) {
            expect(doc.errors).toEqual([]);
            const object = doc.toJS();
            expect([resource, typeof object?.kind, typeof object?.metadata?.name]).toEqual([
              resource,
              'string',
              'string',
            ]);
          }
        }
      }
      const generators = [...(kustomization.configMapGenerator ?? []), ...(kustomization.secretGenerator ?? [])];
      for (const file of generators.flatMap((g: K8sObject) => [...(g.files ?? []), ...(g.envs ?? [])])) {
        const path = String(file).split('=').pop() as string;
        expect([file, existsSync(join(root, path))]).toEqual([file, true]);
      }
      for (const patch of kustomization.patches ?? []) {
        if (patch.path) expect([patch.path, existsSync(join(root, patch.path))]).toEqual([patch.path, true]);
      }
    },
  );

  it('leaves no manifest under docker/k8s that no kustomization uses', () => {
    const used = new Set<string>();
    for (const k of kustomizations) {
      const root = dirname(k);
      const kustomization = parse(readFileSync(k, 'utf8'));
      for (const resource of kustomization.resources ?? []) used.add(resolve(root, resource));
      for (const g of [...(kustomization.configMapGenerator ?? []), ...(kustomization.secretGenerator ?? [])]) {
        for (const file of [...(g.files ?? []), ...(g.envs ?? [])])
          used.add(resolve(root, String(file).split('=').pop() as string));
      }
      for (const patch of kustomization.patches ?? []) if (patch.path) used.add(resolve(root, patch.path));
    }
    const files = kustomizations
      .flatMap((k) => readdirSync(dirname(k)).map((f) => join(dirname(k), f)))
      .filter((f) => statSync(f).isFile() && !f.endsWith('kustomization.yaml'));
    expect(files.filter((f) => !used.has(f)).map(rel)).toEqual([]);
  });

  it("the dev Postgres init script is compose's", () => {
    expect(readFileSync(join(K8S, 'overlays/dev/postgres-init.sql'), 'utf8')).toBe(
      readFileSync(join(DOCKER_DIR, 'postgres-init.sql'), 'utf8'),
    );
  });

  it('serves each service on the port compose gives it', () => {
    const compose = parse(readFileSync(join(DOCKER_DIR, 'compose.yaml'), 'utf8'));
    for (const [name, needs] of Object.entries(SERVICES))
      expect([name, String(compose.services[name].environment.PORT)]).toEqual([name, String(needs.port)]);
  });
});

if (kubectlFound) {
  describe('docker/k8s rendered by kubectl kustomize', () => {
    const rendered = new Map<string, K8sObject[]>();

    beforeAll(async () => {
      const outputs = await Promise.all(BUILDS.map((b) => render(b.dir)));
      BUILDS.forEach((b, i) => rendered.set(b.dir, outputs[i]));
    }, 120_000);

    describe.each(BUILDS)('$dir', (build) => {
      const docs = (): K8sObject[] => rendered.get(build.dir) as K8sObject[];

      it('builds, with the Deployment, Service and PodDisruptionBudget of each of its services', () => {
        for (const service of build.services) {
          for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget'])
            expect([kind, service, Boolean(named(docs(), kind, service))]).toEqual([kind, service, true]);
        }
      });

      it('commits no secret: none literal in Deployment env, no secret-named/password-bearing ConfigMap value', () => {
        for (const deployment of byKind(docs(), 'Deployment')) {
          for (const container of containersOf(deployment)) {
            for (const entry of container.env ?? []) {
              if (SECRET_NAME.test(entry.name))
                expect([deployment.metadata.name, entry.name, entry.valueFrom?.secretKeyRef?.key]).toEqual([
                  deployment.metadata.name,
                  entry.name,
                  expect.any(String),
                ]);
              expect([entry.name, URL_WITH_PASSWORD.test(String(entry.value ?? ''))]).toEqual([entry.name, false]);
            }
          }
        }
        for (const configMap of byKind(docs(), 'ConfigMap')) {
          for (const [key, value] of Object.entries(configMap.data ?? {})) {
            expect([
              configMap.metadata.name,
              key,
              SECRET_NAME.test(key),
              URL_WITH_PASSWORD.test(String(value)),
            ]).toEqual([configMap.metadata.name, key, false, false]);
          }
        }
        // What a Secret holds appears nowhere else (a value pasted into a ConfigMap or an env value).
        const elsewhere = JSON.stringify([...byKind(docs(), 'Deployment'), ...byKind(docs(), 'ConfigMap')]);
        for (const secret of byKind(docs(), 'Secret')) {
          for (const [key, value] of Object.entries(secretData(secret)))
            if (SECRET_NAME.test(key))
              expect([secret.metadata.name, key, elsewhere.includes(value)]).toEqual([
                secret.metadata.name,
                key,
                false,
              ]);
        }
      });

      it('uses only field names Kubernetes knows in every pod template (kustomize passes typos through)', () => {
        expect(byKind(docs(), 'Deployment').flatMap(unknownFields)).toEqual([]);
      });

      it('puts every object in one namespace', () => {
        const namespaced = docs().filter((d) => !['Namespace', 'ClusterRole', 'ClusterRoleBinding'].includes(d.kind));
        const namespaces = new Set(namespaced.map((d) => d.metadata.namespace ?? ''));
        expect(namespaces.size).toBe(1);
        if (build.kind === 'overlay') expect([...namespaces][0]).not.toBe('');
      });

      describe.each(build.services)('%s', (service) => {
        const needs = SERVICES[service];
        const parts = () => serviceParts(docs(), service);
        const env = () => environment(parts().container, docs());

        it(`listens on ${needs.port} (= named port); readiness on /api/health/ready, liveness/start-up /live`, () => {
          const { container } = parts();
          expect(env().get('PORT')?.value).toBe(String(needs.port));
          expect(containerPort(container, 'http')).toBe(needs.port);
          expect(container.readinessProbe?.httpGet?.path).toBe('/api/health/ready');
          expect(container.livenessProbe?.httpGet?.path).toBe('/api/health/live');
          expect(container.startupProbe?.httpGet?.path).toBe('/api/health/live');
          for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe'])
            expect([probe, containerPort(container, container[probe].httpGet.port)]).toEqual([probe, needs.port]);
        });

        it('sets CPU and memory requests and limits on every container, requests within limits', () => {
          for (const container of containersOf(parts().deployment)) {
            for (const resource of ['cpu', 'memory']) {
              const { requests = {}, limits = {} } = container.resources ?? {};
              expect([
                container.name,
                resource,
                requests[resource] !== undefined,
                limits[resource] !== undefined,
              ]).toEqual([container.name, resource, true, true]);
              expect(quantity(requests[resource])).toBeLessThanOrEqual(quantity(limits[resource]));
            }
          }
        });

        it('has exactly one PodDisruptionBudget selecting its pods, which still lets a node drain', () => {
          const { deployment } = parts();
          const pdbs = byKind(docs(), 'PodDisruptionBudget').filter((p) =>
            subset(p.spec.selector?.matchLabels, podLabels(deployment)),
          );
          expect(pdbs.map((p) => p.metadata.name)).toEqual([service]);
          const [pdb] = pdbs;
          const replicas = deployment.spec.replicas ?? 1;
          const evictable =
            pdb.spec.maxUnavailable !== undefined
              ? Number(pdb.spec.maxUnavailable) >= 1
              : Number(pdb.spec.minAvailable) < replicas;
          expect(evictable).toBe(true);
        });

        it("has a Service selecting its pods (and no other Deployment's) on its port, to the named port", () => {
          const { deployment, container } = parts();
          const svc = named(docs(), 'Service', service);
          expect(subset(svc.spec.selector, podLabels(deployment))).toBe(true);
          for (const other of byKind(docs(), 'Deployment').filter((d) => d !== deployment))
            expect([other.metadata.name, subset(svc.spec.selector, podLabels(other))]).toEqual([
              other.metadata.name,
              false,
            ]);
          const port = svc.spec.ports.find((p: K8sObject) => p.port === needs.port);
          expect(port).toBeDefined();
          expect(containerPort(container, port.targetPort)).toBe(needs.port);
        });

        it(`reads ${needs.secrets.join(', ')} from its Secret through secretKeyRef; REDIS_URL is required`, () => {
          const variables = env();
          const names = new Set<string>();
          for (const key of needs.secrets) {
            const source = variables.get(key);
            expect([key, source?.value, source?.secret?.key]).toEqual([key, undefined, key]);
            expect([key, source?.secret?.optional]).toEqual([key, needs.optionalSecrets.includes(key)]);
            names.add(source?.secret?.name as string);
          }
          expect(variables.get('REDIS_URL')?.secret?.optional).toBe(false);
          // One Secret per service: `<service>-secrets` (generated with a hash suffix in dev).
          expect(names.size).toBe(1);
          expect([...names][0]).toMatch(new RegExp(`^${service}-secrets(-[a-z0-9]{10})?$`));
        });

        it('sets every plain setting the service reads, from its ConfigMap', () => {
          const variables = env();
          const keys = build.kind === 'overlay' ? [...needs.config, ...needs.overlayConfig] : needs.config;
          for (const key of keys) expect([key, (variables.get(key)?.value ?? '').length > 0]).toEqual([key, true]);
          for (const [key, source] of variables)
            if (/_URL$/.test(key) && source.value !== undefined)
              expect([key, /^https?:\/\/[^/]/.test(source.value)]).toEqual([key, true]);
        });

        it('rolls without dropping below the desired count; a pod gets > SHUTDOWN_DELAY + slowest call to stop', () => {
          const { deployment, pod } = parts();
          expect(deployment.spec.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
          const variables = env();
          const delayMs = durationMs(variables.get('SHUTDOWN_DELAY')?.value as string);
          const drainMs = Math.max(
            ...needs.downstreams.map((d) =>
              durationMs(variables.get(`${d}_SERVICE_TIMEOUT`)?.value ?? DEFAULT_DOWNSTREAM_TIMEOUT_MS),
            ),
          );
          expect(delayMs).toBeGreaterThan(0);
          expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(delayMs + drainMs);
        });

        it('runs non-root, no privilege escalation or capabilities, read-only root fs, /tmp an emptyDir', () => {
          const { deployment, pod, container } = parts();
          expect(pod.securityContext?.runAsNonRoot).toBe(true);
          expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
          expect(pod.automountServiceAccountToken).toBe(false);
          const volumes = new Map<string, K8sObject>((pod.volumes ?? []).map((v: K8sObject) => [v.name, v]));
          for (const c of containersOf(deployment)) {
            expect([
              c.name,
              c.securityContext?.allowPrivilegeEscalation,
              c.securityContext?.readOnlyRootFilesystem,
              c.securityContext?.capabilities?.drop,
            ]).toEqual([c.name, false, true, ['ALL']]);
            for (const mount of c.volumeMounts ?? [])
              expect([c.name, mount.name, volumes.has(mount.name)]).toEqual([c.name, mount.name, true]);
          }
          const tmp = container.volumeMounts?.find((m: K8sObject) => m.mountPath === '/tmp');
          expect(volumes.get(tmp?.name)?.emptyDir).toBeDefined();
        });

        it(`runs the keel/${service} image${build.env === 'prod' ? ', pinned to a release' : ''}`, () => {
          const image: string = parts().container.image;
          expect(image.split(':')[0].split('/').slice(-2).join('/')).toBe(`keel/${service}`);
          if (build.env === 'prod') expect(image).toMatch(/:(?!latest$|dev$)[\w.-]+$|@sha256:[0-9a-f]{64}$/);
        });

        if (build.env === 'prod') {
          it('runs at least 2 replicas', () => {
            expect(parts().deployment.spec.replicas).toBeGreaterThanOrEqual(2);
          });
        }

        if (service === 'media-acquisition') {
          it('keeps the library on a PersistentVolumeClaim (ReadWriteMany past dev), made by an init container', () => {
            const { deployment, pod, container } = parts();
            const root = env().get('MEDIA_LIBRARY_ROOT')?.value as string;
            const mount = container.volumeMounts.find((m: K8sObject) =>
              root.startsWith(`${m.mountPath.replace(/\/$/, '')}/`),
            );
            expect(mount).toBeDefined();
            expect(mount.readOnly ?? false).toBe(false);
            const claimName = pod.volumes.find((v: K8sObject) => v.name === mount.name)?.persistentVolumeClaim
              ?.claimName;
            const claim = named(docs(), 'PersistentVolumeClaim', claimName);
            expect(claim).toBeDefined();
            if (build.env !== 'dev') expect(claim.spec.accessModes).toContain('ReadWriteMany');
            // A fresh volume is empty; the service refuses imports into a missing root.
            const init = (deployment.spec.template.spec.initContainers ?? []).find((c: K8sObject) =>
              c.volumeMounts?.some((m: K8sObject) => m.name === mount.name && m.mountPath === mount.mountPath),
            );
            expect(init?.command?.join(' ')).toMatch(/mkdir -p .*MEDIA_LIBRARY_ROOT/);
            expect(environment(init, docs()).get('MEDIA_LIBRARY_ROOT')?.value).toBe(root);
          });
        }
      });

      if (build.kind === 'base') {
        it('contains no Secret (they are generated in dev and created by hand in prod)', () => {
          expect(byKind(docs(), 'Secret')).toEqual([]);
        });
      }

      if (build.env === 'prod') {
        it('commits no Secret; docker/README.md shows how to create each one it references, with every key', () => {
          expect(byKind(docs(), 'Secret')).toEqual([]);
          const documented = readmeSecrets();
          for (const deployment of byKind(docs(), 'Deployment')) {
            for (const container of containersOf(deployment)) {
              for (const entry of container.env ?? []) {
                const ref = entry.valueFrom?.secretKeyRef;
                if (!ref || ref.optional) continue;
                expect([ref.name, ref.key, documented.get(ref.name)?.has(ref.key) ?? false]).toEqual([
                  ref.name,
                  ref.key,
                  true,
                ]);
              }
            }
          }
        });

        it('expects managed Postgres and Redis, and never deploys the sandbox', () => {
          const images = byKind(docs(), 'Deployment').flatMap((d) =>
            containersOf(d).map((c: K8sObject) => String(c.image)),
          );
          expect(images.filter((i) => /postgres|redis|sandbox/.test(i))).toEqual([]);
        });
      }

      if (build.env === 'dev') {
        const secretOf = (name: string): Record<string, string> => {
          const { container } = serviceParts(docs(), name);
          const ref = environment(container, docs()).get('JWT_SECRET')?.secret?.name as string;
          const secret = named(docs(), 'Secret', ref);
          if (!secret) throw new Error(`${name}: Secret ${ref} is not generated`);
          return secretData(secret);
        };

        it('generates every Secret a Deployment references, with every required key, and obviously-dev values', () => {
          for (const deployment of byKind(docs(), 'Deployment')) {
            for (const container of containersOf(deployment)) {
              for (const entry of container.env ?? []) {
                const ref = entry.valueFrom?.secretKeyRef;
                if (!ref) continue;
                const secret = named(docs(), 'Secret', ref.name);
                expect([deployment.metadata.name, ref.name, Boolean(secret)]).toEqual([
                  deployment.metadata.name,
                  ref.name,
                  true,
                ]);
                if (!ref.optional)
                  expect([ref.name, ref.key, ref.key in secretData(secret)]).toEqual([ref.name, ref.key, true]);
              }
            }
          }
          for (const secret of byKind(docs(), 'Secret')) {
            for (const [key, value] of Object.entries(secretData(secret))) {
              if (/SECRET|PASSWORD|API_KEY/.test(key) || URL_WITH_PASSWORD.test(value))
                expect([key, value]).toEqual([key, expect.stringContaining('dev-only')]);
            }
          }
        });

        it('runs Redis (redis:7-alpine, no persistence) behind the Service every REDIS_URL names', () => {
          const redis = named(docs(), 'Deployment', 'redis');
          const [container] = redis.spec.template.spec.containers;
          expect(container.image).toBe('redis:7-alpine');
          const args: string[] = container.args ?? [];
          expect(args.join(' ')).toContain('--appendonly no');
          expect(args[args.indexOf('--save') + 1]).toBe('');
          expect((redis.spec.template.spec.volumes ?? []).filter((v: K8sObject) => v.persistentVolumeClaim)).toEqual(
            [],
          );
          for (const service of SERVICE_NAMES) {
            const url = new URL(secretOf(service).REDIS_URL);
            expect(url.protocol).toBe('redis:');
            const svc = named(docs(), 'Service', url.hostname);
            expect([service, svc?.metadata.name]).toEqual([service, 'redis']);
            expect(svc.spec.ports.map((p: K8sObject) => p.port)).toContain(Number(url.port || 6379));
            expect(subset(svc.spec.selector, podLabels(redis))).toBe(true);
          }
        });

        it('runs Postgres, with the database each DATABASE_URL names, behind its Service', () => {
          const postgres = named(docs(), 'Deployment', 'postgres');
          const [container] = postgres.spec.template.spec.containers;
          expect(container.image).toMatch(/^postgres:16/);
          const pgEnv = environment(container, docs());
          const init = Object.values(
            byKind(docs(), 'ConfigMap').find((c) => c.metadata.name.startsWith('postgres-init'))?.data ?? {},
          ).join('\n');
          const password = secretData(
            named(docs(), 'Secret', pgEnv.get('POSTGRES_PASSWORD')?.secret?.name as string),
          ).POSTGRES_PASSWORD;
          for (const service of SERVICE_NAMES.filter((s) => SERVICES[s].secrets.includes('DATABASE_URL'))) {
            const url = new URL(secretOf(service).DATABASE_URL);
            expect(subset(named(docs(), 'Service', url.hostname)?.spec.selector, podLabels(postgres))).toBe(true);
            expect([service, url.username, decodeURIComponent(url.password)]).toEqual([
              service,
              pgEnv.get('POSTGRES_USER')?.value,
              password,
            ]);
            const database = url.pathname.slice(1);
            expect([
              service,
              database === pgEnv.get('POSTGRES_DB')?.value || init.includes(`CREATE DATABASE ${database};`),
            ]).toEqual([service, true]);
          }
        });

        it('runs the sandbox as every downstream, with the services’ credentials, on the media volume', () => {
          const sandbox = named(docs(), 'Deployment', 'sandbox');
          const [container] = sandbox.spec.template.spec.containers;
          const sandboxEnv = environment(container, docs());
          const value = (source: EnvSource | undefined) =>
            source?.secret ? secretData(named(docs(), 'Secret', source.secret.name))[source.secret.key] : source?.value;
          const sandboxPorts = new Set(named(docs(), 'Service', 'sandbox').spec.ports.map((p: K8sObject) => p.port));
          for (const service of SERVICE_NAMES) {
            const serviceEnv = environment(serviceParts(docs(), service).container, docs());
            for (const downstream of SERVICES[service].downstreams) {
              const url = new URL(serviceEnv.get(`${downstream}_SERVICE_URL`)?.value as string);
              expect([service, downstream, url.hostname, sandboxPorts.has(Number(url.port))]).toEqual([
                service,
                downstream,
                'sandbox',
                true,
              ]);
            }
            for (const key of ['JWT_SECRET', 'LLM_API_KEY', 'PROWLARR_API_KEY', 'QBITTORRENT_PASSWORD']) {
              if (serviceEnv.has(key))
                expect([service, key, value(serviceEnv.get(key))]).toEqual([service, key, value(sandboxEnv.get(key))]);
            }
          }
          // qBittorrent's downloads and the library share one claim, mounted at one path, so the
          // content_path the emulator reports opens as it is, and imports are hardlinks.
          const media = serviceParts(docs(), 'media-acquisition');
          const claimAt = (pod: K8sObject, c: K8sObject, path: string) => {
            const mount = c.volumeMounts.find((m: K8sObject) => path.startsWith(`${m.mountPath}/`));
            return (
              mount && {
                path: mount.mountPath,
                claim: pod.volumes.find((v: K8sObject) => v.name === mount.name)?.persistentVolumeClaim?.claimName,
              }
            );
          };
          const downloads = claimAt(
            sandbox.spec.template.spec,
            container,
            sandboxEnv.get('SANDBOX_QBITTORRENT_DOWNLOAD_ROOT')?.value as string,
          );
          const library = claimAt(
            media.pod,
            media.container,
            environment(media.container, docs()).get('MEDIA_LIBRARY_ROOT')?.value as string,
          );
          expect(downloads).toEqual(library);
          expect(library?.claim).toBeTruthy();
        });
      }
    });
  });
}
