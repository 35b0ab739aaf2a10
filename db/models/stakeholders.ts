import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** The institution's relationship with exactly one party: an organisation, a person or a household. */
export class Stakeholder extends Model<InferAttributes<Stakeholder>, InferCreationAttributes<Stakeholder>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare partyKind: string;
  declare organisationId: number | null;
  declare personId: number | null;
  declare householdId: number | null;
  declare name: string;
  declare category: string;
  declare tier: string;
  declare tierRationale: string | null;
  declare ownerUserId: number | null;
  declare status: CreationOptional<string>;
  declare description: string | null;
  declare power: number | null;
  declare interest: number | null;
  declare quadrant: string | null;
  declare mitchellClass: string | null;
  declare assessedOn: string | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Stakeholder.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        partyKind: { type: DataTypes.STRING, allowNull: false },
        organisationId: DataTypes.INTEGER,
        personId: DataTypes.INTEGER,
        householdId: DataTypes.INTEGER,
        name: { type: DataTypes.STRING, allowNull: false },
        category: { type: DataTypes.STRING, allowNull: false },
        tier: { type: DataTypes.STRING, allowNull: false },
        tierRationale: DataTypes.STRING,
        ownerUserId: DataTypes.INTEGER,
        status: { type: DataTypes.STRING, allowNull: false, defaultValue: 'active' },
        description: DataTypes.TEXT,
        power: DataTypes.INTEGER,
        interest: DataTypes.INTEGER,
        quadrant: DataTypes.STRING,
        mitchellClass: DataTypes.STRING,
        assessedOn: DataTypes.DATEONLY,
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'stakeholders', version: true },
    );
  }
}

export class SalienceAssessment extends Model<InferAttributes<SalienceAssessment>, InferCreationAttributes<SalienceAssessment>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare stakeholderId: number;
  declare assessedOn: string;
  declare power: number;
  declare interest: number;
  declare legitimacy: CreationOptional<boolean>;
  declare urgency: CreationOptional<boolean>;
  declare quadrant: string;
  declare mitchellClass: string;
  declare note: string | null;
  declare assessedByUserId: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    SalienceAssessment.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        stakeholderId: { type: DataTypes.INTEGER, allowNull: false },
        assessedOn: { type: DataTypes.DATEONLY, allowNull: false },
        power: { type: DataTypes.INTEGER, allowNull: false },
        interest: { type: DataTypes.INTEGER, allowNull: false },
        legitimacy: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        urgency: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        quadrant: { type: DataTypes.STRING, allowNull: false },
        mitchellClass: { type: DataTypes.STRING, allowNull: false },
        note: DataTypes.TEXT,
        assessedByUserId: DataTypes.INTEGER,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'salience_assessments' },
    );
  }
}

export class Interest extends Model<InferAttributes<Interest>, InferCreationAttributes<Interest>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare stakeholderId: number;
  declare themeId: number | null;
  declare title: string;
  declare description: string | null;
  declare priority: CreationOptional<string>;
  declare since: string | null;
  declare status: CreationOptional<string>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Interest.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        stakeholderId: { type: DataTypes.INTEGER, allowNull: false },
        themeId: DataTypes.INTEGER,
        title: { type: DataTypes.STRING, allowNull: false },
        description: DataTypes.TEXT,
        priority: { type: DataTypes.STRING, allowNull: false, defaultValue: 'medium' },
        since: DataTypes.DATEONLY,
        status: { type: DataTypes.STRING, allowNull: false, defaultValue: 'active' },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'interests', version: true },
    );
  }
}

export class Engagement extends Model<InferAttributes<Engagement>, InferCreationAttributes<Engagement>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare occurredOn: string;
  declare channel: string;
  declare direction: string;
  declare subject: string;
  declare summary: string | null;
  declare followUp: string | null;
  declare followUpOwnerUserId: number | null;
  declare followUpDueOn: string | null;
  declare followUpDoneOn: string | null;
  declare recordedByUserId: number | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Engagement.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        occurredOn: { type: DataTypes.DATEONLY, allowNull: false },
        channel: { type: DataTypes.STRING, allowNull: false },
        direction: { type: DataTypes.STRING, allowNull: false },
        subject: { type: DataTypes.STRING, allowNull: false },
        summary: DataTypes.TEXT,
        followUp: DataTypes.TEXT,
        followUpOwnerUserId: DataTypes.INTEGER,
        followUpDueOn: DataTypes.DATEONLY,
        followUpDoneOn: DataTypes.DATEONLY,
        recordedByUserId: DataTypes.INTEGER,
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'engagements', version: true },
    );
  }
}

export class EngagementStakeholder extends Model<InferAttributes<EngagementStakeholder>, InferCreationAttributes<EngagementStakeholder>> {
  declare id: CreationOptional<number>;
  declare engagementId: number;
  declare stakeholderId: number;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    EngagementStakeholder.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        engagementId: { type: DataTypes.INTEGER, allowNull: false },
        stakeholderId: { type: DataTypes.INTEGER, allowNull: false },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'engagement_stakeholders', updatedAt: false },
    );
  }
}

export class EngagementParticipant extends Model<InferAttributes<EngagementParticipant>, InferCreationAttributes<EngagementParticipant>> {
  declare id: CreationOptional<number>;
  declare engagementId: number;
  declare personId: number;
  declare positionId: number | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    EngagementParticipant.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        engagementId: { type: DataTypes.INTEGER, allowNull: false },
        personId: { type: DataTypes.INTEGER, allowNull: false },
        positionId: DataTypes.INTEGER,
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'engagement_participants', updatedAt: false },
    );
  }
}

export class EngagementInterest extends Model<InferAttributes<EngagementInterest>, InferCreationAttributes<EngagementInterest>> {
  declare id: CreationOptional<number>;
  declare engagementId: number;
  declare interestId: number;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    EngagementInterest.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        engagementId: { type: DataTypes.INTEGER, allowNull: false },
        interestId: { type: DataTypes.INTEGER, allowNull: false },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'engagement_interests', updatedAt: false },
    );
  }
}
