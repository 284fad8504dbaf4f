// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Logging goes through the injected logger, so pupil details cannot slip into stdout by accident.
      'no-console': 'error',
    },
  },
  {
    files: ['src/chat/**', 'bench/**', 'test/**', 'src/main*.ts', 'src/cli/**', 'src/knowledge/check-pack.ts', 'src/logger.ts'],
    rules: { 'no-console': 'off' },
  },
);
