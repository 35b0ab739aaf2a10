import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class Agreement extends Model<InferAttributes<Agreement>, InferCreationAttributes<Agreement>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare title: string;
  declare kind: string;
  declare direction: string;
  declare goals: string | null;
  declare startsOn: string;
  declare endsOn: string | null;
  declare reviewOn: string | null;
  declare status: CreationOptional<string>;
  declare ownerUserId: number | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Agreement.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        title: { type: DataTypes.STRING, allowNull: false },
        kind: { type: DataTypes.STRING, allowNull: false },
        direction: { type: DataTypes.STRING, allowNull: false },
        goals: DataTypes.TEXT,
        startsOn: { type: DataTypes.DATEONLY, allowNull: false },
        endsOn: DataTypes.DATEONLY,
        reviewOn: DataTypes.DATEONLY,
        status: { type: DataTypes.STRING, allowNull: false, defaultValue: 'draft' },
        ownerUserId: DataTypes.INTEGER,
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'agreements', version: true },
    );
  }
}

export class AgreementParty extends Model<InferAttributes<AgreementParty>, InferCreationAttributes<AgreementParty>> {
  declare id: CreationOptional<number>;
  declare agreementId: number;
  declare stakeholderId: number;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    AgreementParty.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        agreementId: { type: DataTypes.INTEGER, allowNull: false },
        stakeholderId: { type: DataTypes.INTEGER, allowNull: false },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'agreement_parties', updatedAt: false },
    );
  }
}

export class Obligation extends Model<InferAttributes<Obligation>, InferCreationAttributes<Obligation>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare agreementId: number | null;
  declare title: string;
  declare description: string | null;
  declare forum: string | null;
  declare form: string;
  declare basis: string | null;
  declare responsibleUserId: number | null;
  declare leadTimeDays: number;
  declare recurrenceKind: string;
  declare recurrenceInterval: number | null;
  declare recurrenceDay: number | null;
  /** `MM-DD` for yearly recurrences. */
  declare recurrenceMonthDay: string | null;
  declare startsOn: string;
  declare endsOn: string | null;
  declare reportsOn: CreationOptional<string>;
  declare active: CreationOptional<boolean>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Obligation.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        agreementId: DataTypes.INTEGER,
        title: { type: DataTypes.STRING, allowNull: false },
        description: DataTypes.TEXT,
        forum: DataTypes.STRING,
        form: { type: DataTypes.STRING, allowNull: false },
        basis: DataTypes.STRING,
        responsibleUserId: DataTypes.INTEGER,
        leadTimeDays: { type: DataTypes.INTEGER, allowNull: false },
        recurrenceKind: { type: DataTypes.STRING, allowNull: false },
        recurrenceInterval: DataTypes.INTEGER,
        recurrenceDay: DataTypes.INTEGER,
        recurrenceMonthDay: DataTypes.STRING,
        startsOn: { type: DataTypes.DATEONLY, allowNull: false },
        endsOn: DataTypes.DATEONLY,
        reportsOn: { type: DataTypes.STRING, allowNull: false, defaultValue: 'previous' },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'obligations', version: true },
    );
  }
}

export class ObligationStakeholder extends Model<InferAttributes<ObligationStakeholder>, InferCreationAttributes<ObligationStakeholder>> {
  declare id: CreationOptional<number>;
  declare obligationId: number;
  declare stakeholderId: number;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    ObligationStakeholder.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        obligationId: { type: DataTypes.INTEGER, allowNull: false },
        stakeholderId: { type: DataTypes.INTEGER, allowNull: false },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'obligation_stakeholders', updatedAt: false },
    );
  }
}

export class ReportingMoment extends Model<InferAttributes<ReportingMoment>, InferCreationAttributes<ReportingMoment>> {
  declare id: CreationOptional<number>;
  declare uid: string;
  declare institutionId: number;
  declare obligationId: number;
  declare dueOn: string;
  declare remindFrom: string;
  declare periodStart: string;
  declare periodEnd: string;
  declare renderedOn: string | null;
  declare renderedByUserId: number | null;
  declare note: string | null;
  declare waivedOn: string | null;
  declare waivedByUserId: number | null;
  declare waiveReason: string | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    ReportingMoment.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        uid: { type: DataTypes.STRING, allowNull: false },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        obligationId: { type: DataTypes.INTEGER, allowNull: false },
        dueOn: { type: DataTypes.DATEONLY, allowNull: false },
        remindFrom: { type: DataTypes.DATEONLY, allowNull: false },
        periodStart: { type: DataTypes.DATEONLY, allowNull: false },
        periodEnd: { type: DataTypes.DATEONLY, allowNull: false },
        renderedOn: DataTypes.DATEONLY,
        renderedByUserId: DataTypes.INTEGER,
        note: DataTypes.TEXT,
        waivedOn: DataTypes.DATEONLY,
        waivedByUserId: DataTypes.INTEGER,
        waiveReason: DataTypes.TEXT,
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'reporting_moments', version: true },
    );
  }
}

/** A file or link: an agreement's document or a reporting moment's evidence (exactly one of the two). */
export class Attachment extends Model<InferAttributes<Attachment>, InferCreationAttributes<Attachment>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare agreementId: number | null;
  declare reportingMomentId: number | null;
  declare kind: string;
  declare title: string;
  declare url: string | null;
  declare fileName: string | null;
  declare contentType: string | null;
  declare sizeBytes: number | null;
  declare content: Buffer | null;
  declare uploadedByUserId: number | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Attachment.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        agreementId: DataTypes.INTEGER,
        reportingMomentId: DataTypes.INTEGER,
        kind: { type: DataTypes.STRING, allowNull: false },
        title: { type: DataTypes.STRING, allowNull: false },
        url: DataTypes.STRING,
        fileName: DataTypes.STRING,
        contentType: DataTypes.STRING,
        sizeBytes: DataTypes.INTEGER,
        content: DataTypes.BLOB,
        uploadedByUserId: DataTypes.INTEGER,
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'attachments', updatedAt: false },
    );
  }
}

export class ReminderDelivery extends Model<InferAttributes<ReminderDelivery>, InferCreationAttributes<ReminderDelivery>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare reportingMomentId: number;
  declare sentOn: string;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    ReminderDelivery.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        userId: { type: DataTypes.INTEGER, allowNull: false },
        reportingMomentId: { type: DataTypes.INTEGER, allowNull: false },
        sentOn: { type: DataTypes.DATEONLY, allowNull: false },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'reminder_deliveries', updatedAt: false },
    );
  }
}
