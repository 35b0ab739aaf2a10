import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class Institution extends Model<InferAttributes<Institution>, InferCreationAttributes<Institution>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare sector: string;
  declare kvkNumber: string | null;
  declare city: string | null;
  declare website: string | null;
  declare active: CreationOptional<boolean>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Institution.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        name: { type: DataTypes.STRING, allowNull: false },
        sector: { type: DataTypes.STRING, allowNull: false },
        kvkNumber: DataTypes.STRING,
        city: DataTypes.STRING,
        website: DataTypes.STRING,
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'institutions', version: true },
    );
  }
}

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare email: string;
  declare name: string;
  declare passwordHash: string | null;
  declare isAdmin: CreationOptional<boolean>;
  declare locale: string | null;
  declare active: CreationOptional<boolean>;
  declare deactivatedAt: Date | null;
  declare sessionsValidAfter: Date | null;
  declare calendarTokenHash: string | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    User.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        email: { type: DataTypes.STRING, allowNull: false },
        name: { type: DataTypes.STRING, allowNull: false },
        passwordHash: DataTypes.STRING,
        isAdmin: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        locale: DataTypes.STRING,
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        deactivatedAt: DataTypes.DATE,
        sessionsValidAfter: DataTypes.DATE,
        calendarTokenHash: DataTypes.STRING,
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'users', version: true },
    );
  }
}

export class Membership extends Model<InferAttributes<Membership>, InferCreationAttributes<Membership>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare institutionId: number;
  declare role: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Membership.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        userId: { type: DataTypes.INTEGER, allowNull: false },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        role: { type: DataTypes.STRING, allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'memberships' },
    );
  }
}

export class AuthToken extends Model<InferAttributes<AuthToken>, InferCreationAttributes<AuthToken>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare purpose: string;
  declare tokenHash: string;
  declare expiresAt: Date;
  declare usedAt: Date | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    AuthToken.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        userId: { type: DataTypes.INTEGER, allowNull: false },
        purpose: { type: DataTypes.STRING, allowNull: false },
        tokenHash: { type: DataTypes.STRING, allowNull: false },
        expiresAt: { type: DataTypes.DATE, allowNull: false },
        usedAt: DataTypes.DATE,
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'auth_tokens', updatedAt: false },
    );
  }
}

export class SignInFailure extends Model<InferAttributes<SignInFailure>, InferCreationAttributes<SignInFailure>> {
  declare id: CreationOptional<number>;
  declare scope: string;
  declare subject: string;
  declare failedAt: Date;

  static initModel(sequelize: Sequelize) {
    SignInFailure.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        scope: { type: DataTypes.STRING, allowNull: false },
        subject: { type: DataTypes.STRING, allowNull: false },
        failedAt: { type: DataTypes.DATE, allowNull: false },
      },
      { sequelize, tableName: 'sign_in_failures', timestamps: false },
    );
  }
}

/** { field: [before, after] } for updates; { field: [null, value] } for creates. */
export type AuditChanges = Record<string, [unknown, unknown]>;

export class AuditEvent extends Model<InferAttributes<AuditEvent>, InferCreationAttributes<AuditEvent>> {
  declare id: CreationOptional<number>;
  declare occurredAt: Date;
  declare actorUserId: number | null;
  declare actorLabel: string;
  declare institutionId: number | null;
  declare entity: string;
  declare entityId: string | null;
  declare action: string;
  declare changes: AuditChanges | null;

  static initModel(sequelize: Sequelize) {
    AuditEvent.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        occurredAt: { type: DataTypes.DATE, allowNull: false },
        actorUserId: DataTypes.INTEGER,
        actorLabel: { type: DataTypes.STRING, allowNull: false },
        institutionId: DataTypes.INTEGER,
        entity: { type: DataTypes.STRING, allowNull: false },
        entityId: DataTypes.STRING,
        action: { type: DataTypes.STRING, allowNull: false },
        changes: DataTypes.JSON,
      },
      { sequelize, tableName: 'audit_events', timestamps: false },
    );
  }
}

export class MailMessage extends Model<InferAttributes<MailMessage>, InferCreationAttributes<MailMessage>> {
  declare id: CreationOptional<number>;
  declare toAddress: string;
  declare subject: string;
  declare textBody: string;
  declare htmlBody: string | null;
  declare kind: string;
  declare institutionId: number | null;
  declare status: string;
  declare error: string | null;
  declare sentAt: Date | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    MailMessage.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        toAddress: { type: DataTypes.STRING, allowNull: false },
        subject: { type: DataTypes.STRING, allowNull: false },
        textBody: { type: DataTypes.TEXT, allowNull: false },
        htmlBody: DataTypes.TEXT,
        kind: { type: DataTypes.STRING, allowNull: false },
        institutionId: DataTypes.INTEGER,
        status: { type: DataTypes.STRING, allowNull: false },
        error: DataTypes.TEXT,
        sentAt: DataTypes.DATE,
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'mail_outbox', updatedAt: false },
    );
  }
}

export class Theme extends Model<InferAttributes<Theme>, InferCreationAttributes<Theme>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare name: string;
  declare active: CreationOptional<boolean>;
  declare position: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Theme.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        name: { type: DataTypes.STRING, allowNull: false },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        position: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'themes' },
    );
  }
}
