/** The building blocks of the /settings pages (src/app/(app)/settings). */
export { AvatarForm } from './avatar-form';
export { DeleteAccountDialog } from './delete-account-dialog';
export { EmailChangeForm } from './email-change-form';
export { ChangePasswordForm, PasswordSetup } from './password-form';
export { PreferencesForm } from './preferences-form';
export { ProfileNameForm } from './profile-name-form';
export { SessionsList } from './sessions-list';
export { SettingsNav, type SettingsNavItem } from './settings-nav';
export { SettingsSection } from './settings-section';
export { SignInMethodsList } from './sign-in-methods-list';
export { TwoFactorSettings } from './two-factor-settings';
