#include <hdf5.h>

/* HDF5 exposes its predefined types, property-list classes and file-access
   flags as macros that call H5open() and read a global variable; Swift can
   import neither, so these one-line functions stand in for them. */
static inline hid_t rgmap_h5t_native_double(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t rgmap_h5t_native_float(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t rgmap_h5t_native_int64(void) { return H5T_NATIVE_INT64; }
static inline hid_t rgmap_h5t_native_int32(void) { return H5T_NATIVE_INT32; }
static inline hid_t rgmap_h5t_std_i64le(void) { return H5T_STD_I64LE; }
static inline hid_t rgmap_h5t_c_s1(void) { return H5T_C_S1; }
static inline hid_t rgmap_h5p_link_create(void) { return H5P_LINK_CREATE; }
static inline hid_t rgmap_h5p_dataset_create(void) { return H5P_DATASET_CREATE; }
static inline hid_t rgmap_h5p_group_create(void) { return H5P_GROUP_CREATE; }
static inline hid_t rgmap_h5p_file_access(void) { return H5P_FILE_ACCESS; }
static inline unsigned rgmap_h5f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline unsigned rgmap_h5f_acc_trunc(void) { return H5F_ACC_TRUNC; }
