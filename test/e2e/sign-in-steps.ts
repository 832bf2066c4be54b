// Signing in on a workstation's first screen, as a person does.
import { expect, type Page } from '@playwright/test';
import { passwordOf } from './e2e-users';

export async function signIn(page: Page, user: string, password = passwordOf(user)): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('User').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('session-info')).toContainText(user);
}
