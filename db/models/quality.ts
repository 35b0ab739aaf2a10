import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize,
} from 'sequelize';

/** One month's completeness of an institution's register, as the data-quality report derived it that day. */
export class QualitySnapshot extends Model<InferAttributes<QualitySnapshot>, InferCreationAttributes<QualitySnapshot>> {
  declare id: CreationOptional<number>;
  declare institutionId: number;
  declare month: string;
  declare takenOn: string;
  declare personsTotal: number;
  declare personsComplete: number;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    QualitySnapshot.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        institutionId: { type: DataTypes.INTEGER, allowNull: false },
        month: { type: DataTypes.STRING(7), allowNull: false },
        takenOn: { type: DataTypes.DATEONLY, allowNull: false },
        personsTotal: { type: DataTypes.INTEGER, allowNull: false },
        personsComplete: { type: DataTypes.INTEGER, allowNull: false },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'quality_snapshots', updatedAt: false },
    );
  }
}
