// A real hisxd for one browser test file: its own free port, a fresh data folder with a small
// demo HIS, and staff users created through the real CLI (password on stdin).
import {spawn} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The value of environment variable `name`, set by ctest (tests/browser/CMakeLists.txt). */
export function env(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the browser tests through ctest ` +
      `(ctest --test-dir <build> -R '^browser\\.')`);
  }
  return value;
}

// Runs `program` with `args`, `input` on stdin; resolves to {code, out, err}.
function run(program, args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {stdio: ['pipe', 'pipe', 'pipe']});
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => { out += chunk; });
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({code, out, err}));
    child.stdin.end(input || '');
  });
}

/**
 * Starts hisxd with the demo HIS (300 patients, 1 day) and `plugins` enabled, from the real
 * plugins folder and, with `fixtures`, the test fixtures' folder. `defines` are more
 * `-D key=value` overrides of hisx.yaml (e.g. 'plugins.settings.appointments.demo_seed=false').
 * Resolves once it printed its "listening" line. Call stop() when done.
 */
export async function startHost({plugins = ['his'], fixtures = false, defines = []} = {}) {
  const bin = env('HISX_BIN_DIR');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hisx-browser-'));
  const pluginPaths = [env('HISX_PLUGIN_DIR')];
  if (fixtures) pluginPaths.push(env('HISX_FIXTURE_PLUGIN_DIR'));
  const configArgs = [
    '--config', path.join(env('HISX_SOURCE_DIR'), 'config', 'hisx.yaml'),
    '-D', `data_dir=${dataDir}`,
    '-D', `plugins.paths=[${pluginPaths.join(', ')}]`,
    '-D', `plugins.enabled=[${plugins.join(', ')}]`,
    '-D', 'demo.patients=300',
    '-D', 'demo.days=1',
    ...defines.flatMap((define) => ['-D', define]),
  ];
  const child = spawn(path.join(bin, 'hisxd'), [...configArgs, '-D', 'http.port=0'],
    {stdio: ['ignore', 'pipe', 'pipe']});
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hisxd did not start within 90 s:\n${output}`));
    }, 90_000);
    const look = (chunk) => {
      output += chunk;
      const match = /hisxd listening on (http:\/\/[^\s/]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hisxd exited with ${code} before listening:\n${output}`));
    });
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));

  return {
    url,
    output: () => output,

    /** Creates a staff user with `hisx user add`; the password goes on stdin. */
    async addUser({username, role, password, display}) {
      const args = [...configArgs, 'user', 'add', '--name', username, '--role', role];
      if (display) args.push('--display', display);
      const result = await run(path.join(bin, 'hisx'), args, `${password}\n`);
      if (result.code !== 0) {
        throw new Error(`hisx user add ${username} failed (${result.code}):\n${result.out}${result.err}`);
      }
    },

    /**
     * Stops hisxd (SIGTERM, SIGKILL after 15 s) and removes its data folder. Throws when
     * hisxd logged a line whose arguments did not fit its format (Poco writes "[ERRFMT]").
     */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dataDir, {recursive: true, force: true});
      const malformed = output.split('\n').find((line) => line.includes('[ERRFMT]'));
      if (malformed) throw new Error(`hisxd logged a malformed line: ${malformed}`);
    },
  };
}
