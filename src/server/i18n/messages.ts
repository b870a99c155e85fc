// Every message a person can read from the API, in English and French.
// Codes are stable (clients and tests rely on them); wording can change.
import type { Locale } from '../../shared/locales.ts';

const en = {
  validation: 'Some fields are invalid: {details}',
  malformed_json: 'The request body is not valid JSON.',
  unsupported_media_type: 'Send the request body as JSON.',
  unauthenticated: 'Please log in to continue.',
  forbidden: "You don't have permission to do that in this workspace.",
  instance_admin_required: 'Only an administrator of this Relais instance can do that.',
  not_found: 'Not found.',
  csrf: 'This request did not come from the Relais web app; reload the page and try again.',
  rate_limited: 'Too many attempts. Please wait {seconds} seconds and try again.',
  internal: 'Something went wrong on our side. The error was logged; please try again.',
  setup_done: 'Relais is already set up. Log in instead.',
  email_taken: 'An account with this email already exists.',
  weak_password: 'This password is too easy to guess. Use a longer phrase of unrelated words.',
  password_too_short: 'The password must have at least {min} characters.',
  password_too_long: 'The password is too long.',
  invalid_credentials: 'Wrong email or password.',
  wrong_current_password: 'Your current password is not correct.',
  invalid_email: 'This email address is not valid.',
  invalid_token: 'This link is invalid or has expired. Ask for a new one.',
  signup_closed: 'Accounts are created by invitation. Ask an administrator of your workspace to invite you.',
  invitation_not_found: 'This invitation does not exist.',
  invitation_expired: 'This invitation has expired. Ask for a new one.',
  invitation_used: 'This invitation has already been used.',
  invitation_canceled: 'This invitation was canceled.',
  invitation_wrong_account: 'This invitation was sent to {email}. Log in with that address to accept it.',
  invitation_login_required: 'An account already exists for {email}: log in to accept the invitation.',
  already_member: 'This person is already a member of the workspace.',
  already_invited: 'This person already has a pending invitation.',
  role_not_allowed: 'You cannot give a role higher than your own.',
  cannot_change_own_role: 'You cannot change your own role or remove yourself.',
  last_owner: 'The workspace needs at least one owner.',
  invalid_time_zone: 'Unknown time zone: {timeZone}.',
  job_not_dead: 'Only failed jobs can be retried.',
  api_key_invalid: 'This API key is invalid or has been revoked.',
} as const;

export type MessageCode = keyof typeof en;

const fr: Record<MessageCode, string> = {
  validation: 'Certains champs ne sont pas valides : {details}',
  malformed_json: "Le corps de la requête n'est pas du JSON valide.",
  unsupported_media_type: 'Envoyez le corps de la requête en JSON.',
  unauthenticated: 'Connectez-vous pour continuer.',
  forbidden: "Vous n'avez pas l'autorisation de faire cela dans cet espace de travail.",
  instance_admin_required: 'Seul un administrateur de cette instance Relais peut faire cela.',
  not_found: 'Introuvable.',
  csrf: "Cette requête ne vient pas de l'application Relais ; rechargez la page et réessayez.",
  rate_limited: 'Trop de tentatives. Patientez {seconds} secondes puis réessayez.',
  internal: "Une erreur s'est produite de notre côté. Elle a été enregistrée ; veuillez réessayer.",
  setup_done: 'Relais est déjà configuré. Connectez-vous.',
  email_taken: 'Un compte existe déjà avec cette adresse e-mail.',
  weak_password: 'Ce mot de passe est trop facile à deviner. Choisissez une phrase plus longue faite de mots sans rapport entre eux.',
  password_too_short: 'Le mot de passe doit comporter au moins {min} caractères.',
  password_too_long: 'Le mot de passe est trop long.',
  invalid_credentials: 'E-mail ou mot de passe incorrect.',
  wrong_current_password: "Votre mot de passe actuel n'est pas correct.",
  invalid_email: "Cette adresse e-mail n'est pas valide.",
  invalid_token: 'Ce lien est invalide ou a expiré. Demandez-en un nouveau.',
  signup_closed: "Les comptes sont créés sur invitation. Demandez à un administrateur de votre espace de travail de vous inviter.",
  invitation_not_found: "Cette invitation n'existe pas.",
  invitation_expired: 'Cette invitation a expiré. Demandez-en une nouvelle.',
  invitation_used: 'Cette invitation a déjà été utilisée.',
  invitation_canceled: 'Cette invitation a été annulée.',
  invitation_wrong_account: "Cette invitation a été envoyée à {email}. Connectez-vous avec cette adresse pour l'accepter.",
  invitation_login_required: "Un compte existe déjà pour {email} : connectez-vous pour accepter l'invitation.",
  already_member: "Cette personne est déjà membre de l'espace de travail.",
  already_invited: 'Cette personne a déjà une invitation en attente.',
  role_not_allowed: 'Vous ne pouvez pas attribuer un rôle supérieur au vôtre.',
  cannot_change_own_role: 'Vous ne pouvez pas modifier votre propre rôle ni vous retirer vous-même.',
  last_owner: "L'espace de travail doit garder au moins un propriétaire.",
  invalid_time_zone: 'Fuseau horaire inconnu : {timeZone}.',
  job_not_dead: 'Seules les tâches en échec peuvent être relancées.',
  api_key_invalid: "Cette clé d'API est invalide ou a été révoquée.",
};

const catalogs: Record<Locale, Record<MessageCode, string>> = { en, fr };

export function translate(locale: Locale, code: MessageCode, params: Record<string, string | number> = {}): string {
  const template = catalogs[locale][code] ?? en[code];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? '')).trim();
}
