import { afterAll } from 'vitest';
import { fileDocuments } from '../../../src/core/store/settings-document.js';
import { settingsStoresContract } from './settings-stores-contract.js';
import { folderAt, tempDirs } from './temp-dirs.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

let dir = '';
settingsStoresContract(
  'data folder',
  async () => fileDocuments(await folderAt((dir = await dirs.make()))),
  async () => fileDocuments(await folderAt(dir)),
);
