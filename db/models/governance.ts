import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** Code-library texts, in both languages. */
export type LocalisedText = { nl: string; en: string };

/** A version of a governance code in the shared library (not per institution). */
export class GovernanceCode extends Model<InferAttributes<GovernanceCode>, InferCreationAttributes<GovernanceCode>> {
  declare id: CreationOptional<number>;
  declare key: string;
  /** The code's own version (e.g. `2022`); not optimistic locking. */
  declare version: string;
  declare title: LocalisedText;
  declare issuer: string;
  declare sectors: string[];
  declare validFrom: string;
  declare validUntil: string | null;
  declare sourceUrl: string | null;
  declare coverage: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    GovernanceCode.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        key: { type: DataTypes.STRING, allowNull: false },
        version: { type: DataTypes.STRING, allowNull: false },
        title: { type: DataTypes.JSON, allowNull: false },
        issuer: { type: DataTypes.STRING, allowNull: false },
        sectors: { type: DataTypes.JSON, allowNull: false },
        validFrom: { type: DataTypes.DATEONLY, allowNull: false },
        validUntil: DataTypes.DATEONLY,
        sourceUrl: DataTypes.STRING,
        coverage: { type: DataTypes.STRING, allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'governance_codes' },
    );
  }
}

export class CodePrinciple extends Model<InferAttributes<CodePrinciple>, InferCreationAttributes<CodePrinciple>> {
  declare id: CreationOptional<number>;
  declare codeId: number;
  declare number: string;
  declare title: LocalisedText;
  declare summary: LocalisedText | null;
  declare regime: string | null;
  declare position: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    CodePrinciple.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        codeId: { type: DataTypes.INTEGER, allowNull: false },
        number: { type: DataTypes.STRING, allowNull: false },
        title: { type: DataTypes.JSON, allowNull: false },
        summary: DataTypes.JSON,
        regime: DataTypes.STRING,
        position: { type: DataTypes.INTEGER, allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'code_principles' },
    );
  }
}

export class CodeProvision extends Model<InferAttributes<CodeProvision>, InferCreationAttributes<CodeProvision>> {
  declare id: CreationOptional<number>;
  declare codeId: number;
  declare principleId: number;
  declare number: string;
  declare title: LocalisedText;
  declare summary: LocalisedText | null;
  declare regime: string;
  declare addressee: string | null;
  declare tags: string[];
  declare position: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    CodeProvision.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        codeId: { type: DataTypes.INTEGER, allowNull: false },
        principleId: { type: DataTypes.INTEGER, allowNull: false },
        number: { type: DataTypes.STRING, allowNull: false },
        title: { type: DataTypes.JSON, allowNull: false },
        summary: DataTypes.JSON,
        regime: { type: DataTypes.STRING, allowNull: false },
        addressee: DataTypes.STRING,
        tags: { type: DataTypes.JSON, allowNull: false },
        position: { type: DataTypes.INTEGER, allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'code_provisions' },
    );
  }
}

export class ObligationProvision extends Model<InferAttributes<ObligationProvision>, InferCreationAttributes<ObligationProvision>> {
  declare id: CreationOptional<number>;
  declare obligationId: number;
  declare provisionId: number;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    ObligationProvision.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        obligationId: { type: DataTypes.INTEGER, allowNull: false },
        provisionId: { type: DataTypes.INTEGER, allowNull: false },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'obligation_provisions', updatedAt: false },
    );
  }
}

export class CodeAdoption extends Model<InferAttributes<CodeAdoption>, InferCreationAttributes<CodeAdoption>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare codeId: number;
  declare adoptedFrom: string;
  declare adoptedUntil: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    CodeAdoption.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        codeId: { type: DataTypes.INTEGER, allowNull: false },
        adoptedFrom: { type: DataTypes.DATEONLY, allowNull: false },
        adoptedUntil: DataTypes.DATEONLY,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'code_adoptions' },
    );
  }
}

/** The approval and lock of one institution's statements for one year. */
export class ComplianceYear extends Model<InferAttributes<ComplianceYear>, InferCreationAttributes<ComplianceYear>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare year: number;
  declare approvedAt: Date | null;
  declare approvedByUserId: number | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    ComplianceYear.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        year: { type: DataTypes.INTEGER, allowNull: false },
        approvedAt: DataTypes.DATE,
        approvedByUserId: DataTypes.INTEGER,
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'compliance_years', version: true },
    );
  }
}

/** One institution's statement on one provision (or an unlisted principle) for one year. */
export class ComplianceStatement extends Model<InferAttributes<ComplianceStatement>, InferCreationAttributes<ComplianceStatement>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare year: number;
  declare codeId: number;
  declare provisionId: number | null;
  declare principleId: number | null;
  declare status: CreationOptional<string>;
  declare explanation: string | null;
  declare needsReview: CreationOptional<boolean>;
  declare updatedByUserId: number | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    ComplianceStatement.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        year: { type: DataTypes.INTEGER, allowNull: false },
        codeId: { type: DataTypes.INTEGER, allowNull: false },
        provisionId: DataTypes.INTEGER,
        principleId: DataTypes.INTEGER,
        status: { type: DataTypes.STRING, allowNull: false, defaultValue: 'not-assessed' },
        explanation: DataTypes.TEXT,
        needsReview: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        updatedByUserId: DataTypes.INTEGER,
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'compliance_statements', version: true },
    );
  }
}

/** Links a statement to exactly one of an obligation, a reporting moment, an agreement or an engagement. */
export class StatementEvidence extends Model<InferAttributes<StatementEvidence>, InferCreationAttributes<StatementEvidence>> {
  declare id: CreationOptional<number>;
  declare statementId: number;
  declare obligationId: number | null;
  declare reportingMomentId: number | null;
  declare agreementId: number | null;
  declare engagementId: number | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    StatementEvidence.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        statementId: { type: DataTypes.INTEGER, allowNull: false },
        obligationId: DataTypes.INTEGER,
        reportingMomentId: DataTypes.INTEGER,
        agreementId: DataTypes.INTEGER,
        engagementId: DataTypes.INTEGER,
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'statement_evidence', updatedAt: false },
    );
  }
}
