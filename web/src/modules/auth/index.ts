// The sign-in, sign-up and password pages, loaded as one chunk.
export { PasswordResetPage } from './PasswordResetPage.tsx';
export { SignInPage } from './SignInPage.tsx';
export { SignUpPage } from './SignUpPage.tsx';
