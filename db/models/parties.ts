import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class Organisation extends Model<InferAttributes<Organisation>, InferCreationAttributes<Organisation>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare name: string;
  declare nameKey: string;
  declare kind: string;
  declare kvkNumber: string | null;
  declare street: string | null;
  declare houseNumber: string | null;
  declare postcode: string | null;
  declare city: string | null;
  declare website: string | null;
  declare email: string | null;
  declare phone: string | null;
  declare notes: string | null;
  declare source: string | null;
  declare lastVerifiedOn: string | null;
  declare active: CreationOptional<boolean>;
  declare mergedIntoId: number | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Organisation.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        name: { type: DataTypes.STRING, allowNull: false },
        nameKey: { type: DataTypes.STRING, allowNull: false },
        kind: { type: DataTypes.STRING, allowNull: false },
        kvkNumber: DataTypes.STRING,
        street: DataTypes.STRING,
        houseNumber: DataTypes.STRING,
        postcode: DataTypes.STRING,
        city: DataTypes.STRING,
        website: DataTypes.STRING,
        email: DataTypes.STRING,
        phone: DataTypes.STRING,
        notes: DataTypes.TEXT,
        source: DataTypes.STRING,
        lastVerifiedOn: DataTypes.DATEONLY,
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        mergedIntoId: DataTypes.INTEGER,
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'organisations', version: true },
    );
  }
}

export class Household extends Model<InferAttributes<Household>, InferCreationAttributes<Household>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare name: string;
  declare street: string | null;
  declare houseNumber: string | null;
  declare postcode: string | null;
  declare city: string | null;
  declare segment: string | null;
  declare status: CreationOptional<string>;
  declare source: string | null;
  declare lastVerifiedOn: string | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Household.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        name: { type: DataTypes.STRING, allowNull: false },
        street: DataTypes.STRING,
        houseNumber: DataTypes.STRING,
        postcode: DataTypes.STRING,
        city: DataTypes.STRING,
        segment: DataTypes.STRING,
        status: { type: DataTypes.STRING, allowNull: false, defaultValue: 'active' },
        source: DataTypes.STRING,
        lastVerifiedOn: DataTypes.DATEONLY,
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'households', version: true },
    );
  }
}

export class Person extends Model<InferAttributes<Person>, InferCreationAttributes<Person>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare givenName: string | null;
  declare tussenvoegsel: string | null;
  declare familyName: string;
  declare initials: string | null;
  declare nameKey: string;
  declare email: string | null;
  declare phone: string | null;
  declare street: string | null;
  declare houseNumber: string | null;
  declare postcode: string | null;
  declare city: string | null;
  declare source: string | null;
  declare lastVerifiedOn: string | null;
  declare legalBasis: string | null;
  declare legalHold: string | null;
  declare active: CreationOptional<boolean>;
  declare erasedAt: Date | null;
  declare mergedIntoId: number | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Person.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        givenName: DataTypes.STRING,
        tussenvoegsel: DataTypes.STRING,
        familyName: { type: DataTypes.STRING, allowNull: false },
        initials: DataTypes.STRING,
        nameKey: { type: DataTypes.STRING, allowNull: false },
        email: DataTypes.STRING,
        phone: DataTypes.STRING,
        street: DataTypes.STRING,
        houseNumber: DataTypes.STRING,
        postcode: DataTypes.STRING,
        city: DataTypes.STRING,
        source: DataTypes.STRING,
        lastVerifiedOn: DataTypes.DATEONLY,
        legalBasis: DataTypes.STRING,
        legalHold: DataTypes.TEXT,
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        erasedAt: DataTypes.DATE,
        mergedIntoId: DataTypes.INTEGER,
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'persons', version: true },
    );
  }
}

export class HouseholdMember extends Model<InferAttributes<HouseholdMember>, InferCreationAttributes<HouseholdMember>> {
  declare id: CreationOptional<number>;
  declare householdId: number;
  declare personId: number;
  declare relation: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    HouseholdMember.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        householdId: { type: DataTypes.INTEGER, allowNull: false },
        personId: { type: DataTypes.INTEGER, allowNull: false },
        relation: DataTypes.STRING,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'household_members' },
    );
  }
}

/** A person's dated position (functie/rol) at an organisation; never called a role, so it cannot be taken for a membership role. */
export class Position extends Model<InferAttributes<Position>, InferCreationAttributes<Position>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare personId: number;
  declare organisationId: number;
  declare title: string;
  declare startsOn: string | null;
  declare endsOn: string | null;
  declare businessEmail: string | null;
  declare businessPhone: string | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Position.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        personId: { type: DataTypes.INTEGER, allowNull: false },
        organisationId: { type: DataTypes.INTEGER, allowNull: false },
        title: { type: DataTypes.STRING, allowNull: false },
        startsOn: DataTypes.DATEONLY,
        endsOn: DataTypes.DATEONLY,
        businessEmail: DataTypes.STRING,
        businessPhone: DataTypes.STRING,
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'positions', version: true },
    );
  }
}
