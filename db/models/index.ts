import type { Sequelize } from 'sequelize';
import { AuditEvent, AuthToken, Institution, MailMessage, Membership, SignInFailure, Theme, User } from './platform';

export * from './platform';

let initialised: Sequelize | null = null;

/** Binds every model to this Sequelize instance and declares the associations, in pairs, with explicit aliases. */
export function initModels(sequelize: Sequelize): void {
  if (initialised === sequelize) return;
  initialised = sequelize;
  for (const model of [Institution, User, Membership, AuthToken, SignInFailure, AuditEvent, MailMessage, Theme]) {
    model.initModel(sequelize);
  }

  User.hasMany(Membership, { foreignKey: 'userId', as: 'memberships' });
  Membership.belongsTo(User, { foreignKey: 'userId', as: 'user' });
  Institution.hasMany(Membership, { foreignKey: 'institutionId', as: 'memberships' });
  Membership.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  User.hasMany(AuthToken, { foreignKey: 'userId', as: 'authTokens' });
  AuthToken.belongsTo(User, { foreignKey: 'userId', as: 'user' });
  Institution.hasMany(Theme, { foreignKey: 'institutionId', as: 'themes' });
  Theme.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
}
