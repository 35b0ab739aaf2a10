import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** A data-subject request (AVG): kept when the person is erased, as the accountability record. */
export class DataSubjectRequest extends Model<InferAttributes<DataSubjectRequest>, InferCreationAttributes<DataSubjectRequest>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare personId: number | null;
  declare requester: string;
  declare kind: string;
  declare receivedOn: string;
  declare dueOn: string;
  declare extendedTo: string | null;
  declare extensionReason: string | null;
  declare status: CreationOptional<string>;
  declare outcome: string | null;
  declare closedOn: string | null;
  declare handledByUserId: number | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    DataSubjectRequest.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        personId: DataTypes.INTEGER,
        requester: { type: DataTypes.STRING, allowNull: false },
        kind: { type: DataTypes.STRING, allowNull: false },
        receivedOn: { type: DataTypes.DATEONLY, allowNull: false },
        dueOn: { type: DataTypes.DATEONLY, allowNull: false },
        extendedTo: DataTypes.DATEONLY,
        extensionReason: DataTypes.TEXT,
        status: { type: DataTypes.STRING, allowNull: false, defaultValue: 'open' },
        outcome: DataTypes.TEXT,
        closedOn: DataTypes.DATEONLY,
        handledByUserId: DataTypes.INTEGER,
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'data_subject_requests', version: true },
    );
  }
}

export class PortalLink extends Model<InferAttributes<PortalLink>, InferCreationAttributes<PortalLink>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare personId: number;
  declare tokenHash: string;
  declare expiresAt: Date;
  declare usedAt: Date | null;
  declare revokedAt: Date | null;
  declare createdByUserId: number | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    PortalLink.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        personId: { type: DataTypes.INTEGER, allowNull: false },
        tokenHash: { type: DataTypes.STRING, allowNull: false },
        expiresAt: { type: DataTypes.DATE, allowNull: false },
        usedAt: DataTypes.DATE,
        revokedAt: DataTypes.DATE,
        createdByUserId: DataTypes.INTEGER,
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'portal_links', updatedAt: false },
    );
  }
}

/** { field: proposed value } as the stakeholder typed it; null asks for the value to be removed. */
export type ProposedCorrection = Record<string, string | null>;

export class CorrectionProposal extends Model<InferAttributes<CorrectionProposal>, InferCreationAttributes<CorrectionProposal>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare personId: number;
  declare portalLinkId: number | null;
  declare proposed: ProposedCorrection;
  declare reviewNote: string | null;
  declare dataSubjectRequestId: number | null;
  declare message: string | null;
  declare status: CreationOptional<string>;
  declare reviewedByUserId: number | null;
  declare reviewedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    CorrectionProposal.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        personId: { type: DataTypes.INTEGER, allowNull: false },
        portalLinkId: DataTypes.INTEGER,
        proposed: { type: DataTypes.JSON, allowNull: false },
        reviewNote: DataTypes.TEXT,
        dataSubjectRequestId: DataTypes.INTEGER,
        message: DataTypes.TEXT,
        status: { type: DataTypes.STRING, allowNull: false, defaultValue: 'pending' },
        reviewedByUserId: DataTypes.INTEGER,
        reviewedAt: DataTypes.DATE,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'correction_proposals' },
    );
  }
}
