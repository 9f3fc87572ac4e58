// Backups of the whole store: signed, checksummed, restored only into an empty target.
export { BackupError, verifyBackup, BACKUP_FORMAT, type BackupManifest, type BackupTenantSummary } from './backup-manifest.ts';
export { takeBackup, type TakeBackupOptions } from './take-backup.ts';
export { restoreBackup, reapplyPurgeRegister, type RestoreOptions, type RestoreResult, type RestoreTarget } from './restore-backup.ts';
export { PURGE_REGISTER_FILE, purgeRegisterDir } from './purge-register.ts';
export { summarizeTenants, tenantIds, newestReceiptAt } from './store-summary.ts';
export { runDrill, type DrillOptions, type DrillReport, type DrillTenant } from './dr-drill.ts';
export { writeDrillReport, DRILL_PACK_TENANT } from './drill-report.ts';
export { takeStoreBackup, restoreStoreBackup, storeDatabases, storeRestoreTargets, storeBackupFolders, DATABASES_FILE, type StoreDatabase, type StoreBackup } from './store-backup.ts';
