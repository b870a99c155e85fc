// A real S3-compatible server for tests: s3rver (S3's REST API over a folder;
// it checks a request's access key, not its V4 signature), on loopback, with one bucket.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { onCleanup } from './cleanup.ts';

const objectSuffix = '._S3rver_object';

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  region: string;
  /** s3rver accepts this one key pair. */
  accessKeyId: string;
  secretAccessKey: string;
  /** The keys of the objects in the bucket. */
  keys(): string[];
  /** As Relais' environment would name this storage. */
  env: Record<string, string>;
}

export async function startLocalS3(bucket = 'relais-media'): Promise<LocalS3> {
  const directory = mkdtempSync(path.join(tmpdir(), 'relais-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  onCleanup(async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  return {
    endpoint,
    bucket,
    region: 'us-east-1',
    ...credentials,
    // s3rver keeps each object's bytes as `<key>._S3rver_object` in the bucket's folder.
    keys: () =>
      readdirSync(path.join(directory, bucket), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith(objectSuffix))
        .map((entry) => path.relative(path.join(directory, bucket), path.join(entry.parentPath, entry.name.slice(0, -objectSuffix.length))).split(path.sep).join('/'))
        .sort(),
    env: {
      RELAIS_S3_ENDPOINT: endpoint,
      RELAIS_S3_BUCKET: bucket,
      RELAIS_S3_REGION: 'us-east-1',
      RELAIS_S3_ACCESS_KEY_ID: credentials.accessKeyId,
      RELAIS_S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      RELAIS_S3_FORCE_PATH_STYLE: 'true',
    },
  };
}
