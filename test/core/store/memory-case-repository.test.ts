import { MemoryCaseRepository } from '../../../src/core/store/memory-case-repository.js';
import { describeCaseRepositoryContract } from './case-repository-contract.js';

describeCaseRepositoryContract('MemoryCaseRepository', async (now) => new MemoryCaseRepository({ now }));
